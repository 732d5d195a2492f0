import { toMermaid } from './mermaid';

describe('toMermaid', () => {
  const nodes = [
    { slug: 'fengqiao-experience', name: '枫桥经验', nameEn: 'Fengqiao Experience' },
    { slug: 'online-fengqiao', name: '网上"枫桥经验"', nameEn: 'Online Fengqiao' },
  ];

  it('draws each model once and each derivation from origin to derived model', () => {
    const out = toMermaid(
      nodes,
      [
        {
          from: 'online-fengqiao',
          to: 'fengqiao-experience',
          relation: 'DIGITALISATION',
          editorial: false,
        },
      ],
      'online-fengqiao',
    );
    expect(out.split('\n')[0]).toBe('flowchart TD');
    expect(out).toContain('m_fengqiao_experience -->|DIGITALISATION| m_online_fengqiao');
    expect(out).toContain('m_online_fengqiao["网上#quot;枫桥经验#quot;<br/>Online Fengqiao"]');
    expect(out).toContain('style m_online_fengqiao stroke-width:3px');
  });

  it('dashes editorial derivations', () => {
    const out = toMermaid(nodes, [
      {
        from: 'online-fengqiao',
        to: 'fengqiao-experience',
        relation: 'DIGITALISATION',
        editorial: true,
      },
    ]);
    expect(out).toContain('m_fengqiao_experience -.->|DIGITALISATION| m_online_fengqiao');
  });
});
