import 'reflect-metadata';
import { serverAudits } from 'graphql-http';
import { startTestServer } from '../test/support/harness';

async function main() {
  const s = await startTestServer(undefined, { NODE_ENV: process.env.PENV ?? 'test' });
  const post = async (body: string, ct = 'application/json', accept?: string) => {
    const r = await fetch(s.url, { method: 'POST', headers: { 'content-type': ct, ...(accept ? { accept } : {}) }, body });
    const t = await r.text();
    return `${r.status} ${r.headers.get('content-type')} ${t.slice(0, 300)}`;
  };
  const q = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
  const cases: Record<string, string> = {
    wrongVar: q('query($t:String!){search(text:$t){id}}', { t: 5 }),
    missingVar: q('query($t:String!){search(text:$t){id}}', {}),
    syntax: q('{ search(text: "x" { id }'),
    tokens: q(`{ ${Array.from({ length: 1600 }, (_, i) => `a${i}: __typename`).join(' ')} }`),
    cursor: q(`{ practices(after: "${Buffer.from('o:99999999999').toString('base64url')}") { edges { node { id } } } }`),
    cursorBig: q(`{ practices(after: "${Buffer.from('o:99999999999999999999').toString('base64url')}") { edges { node { id } } } }`),
    garbage: q('{ practices(after: "garbage!!") { edges { node { id } } } }'),
    first: q('{ practices(first: 1000000) { edges { node { id } } } }'),
    firstNested: q('{ region(code: "530103") { practices(first: 1000000) { edges { node { id } } } } }'),
    nodes: q(`{ nodes(ids: ${JSON.stringify(Array.from({ length: 100 }, (_, i) => `Region:53${i}`))}) { id ... on Region { practices(first: 100) { edges { node { id } } } } } }`),
    badJson: '{"query": ',
  };
  for (const [k, body] of Object.entries(cases)) console.log(k, await post(body));
  console.log('badJson+gr', await post('{"query": ', 'application/json', 'application/graphql-response+json'));
  console.log('wrongVar+gr', await post(cases.wrongVar!, 'application/json', 'application/graphql-response+json'));
  console.log('syntax+gr', await post(cases.syntax!, 'application/json', 'application/graphql-response+json'));
  console.log('big', await post(JSON.stringify({ query: '{__typename}#' + 'x'.repeat(200000) })));
  let ok = 0, warn = 0, err = 0;
  for (const a of serverAudits({ url: s.url })) {
    const r = await a.fn();
    if (r.status === 'ok') ok++; else if (r.status === 'warn') warn++; else err++;
    if (r.status !== 'ok') console.log('AUDIT', r.status, a.name, 'reason' in r ? r.reason : '');
  }
  console.log({ ok, warn, err });
  await s.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
