import type { ChangeRow } from './change.statements';
import { type Fact, FACT_NODES, factKey, factReferences, type FactType } from './editing-facts';
import { citedSources } from './editing.validate';
import type { FactGraphRow } from './fact-graph.statements';

/**
 * A change set as the graph it will make: a fact proposed into a set may rest on facts proposed
 * in the same set (a figure on its report's source, a rate on its counts, a figure on a new
 * indicator). Checking it, the set's open members count as published; publishing the set writes
 * them first, in one transaction, where each is checked again against the graph itself.
 */

const OPEN = new Set(['DRAFT', 'IN_REVIEW']);

/** A member's fact, decoded once. */
export interface Member {
  readonly change: ChangeRow;
  readonly type: FactType;
  readonly fact: Fact;
}

export const membersOf = (changes: readonly ChangeRow[]): Member[] =>
  changes
    .filter((c) => OPEN.has(c.status) && c.fact)
    .map((c) => ({
      change: c,
      type: c.factType as FactType,
      fact: JSON.parse(c.fact!) as Fact,
    }));

/** `Label:key` of what a member will be once published (the form factReferences names). */
function nodeOf(m: Member): string | null {
  if (m.type === 'LINEAGE_LINK') return null;
  // A zone's status is about a region that exists already: it provides no node.
  if (m.type === 'ZONE') return null;
  return `${FACT_NODES[m.type].label}:${factKey(m.type, m.fact)}`;
}

/** The graph row with the set's open members laid over it, as the fact's check reads it. */
export function overlaySet(
  row: FactGraphRow,
  type: FactType,
  fact: Fact,
  members: readonly Member[],
): FactGraphRow {
  const others = members.filter(
    (m) => !(m.type === type && factKey(type, m.fact) === factKey(type, fact)),
  );
  const nodes = new Set(others.map(nodeOf).filter((n) => n !== null));
  const refs = factReferences(type, fact);
  const exists = row.exists.map((e, i) => e || nodes.has(`${refs[i]![0]}:${refs[i]![2]}`));
  const sources = [...row.sources];
  for (const m of others) {
    if (m.type !== 'SOURCE' || sources.some((s) => s.id === factKey('SOURCE', m.fact))) continue;
    const s = m.fact as Fact<'SOURCE'>;
    sources.push({ id: s.id, text: s.text, published: s.published.slice(0, 10) });
  }
  const models = [...row.models];
  for (const m of others)
    if (m.type === 'MODEL' && !models.some((x) => x.slug === (m.fact as Fact<'MODEL'>).slug)) {
      const model = m.fact as Fact<'MODEL'>;
      models.push({ slug: model.slug, name: model.name, aliases: model.aliases ?? [] });
    }
  const indicator =
    type === 'OBSERVATION'
      ? others.find(
          (m) =>
            m.type === 'INDICATOR' &&
            (m.fact as Fact<'INDICATOR'>).code === (fact as Fact<'OBSERVATION'>).indicator,
        )
      : undefined;
  const indicatorUnit = row.indicatorUnit ?? (indicator?.fact as Fact<'INDICATOR'>)?.unit ?? null;
  return { ...row, exists, sources, models, indicatorUnit };
}

/** What a member rests on, as `Label:key`: its references and the sources it quotes. */
const dependencies = (m: Member): string[] => [
  ...citedSources(m.fact).map((id) => `Source:${id}`),
  ...factReferences(m.type, m.fact).map(([label, , key]) => `${label}:${key}`),
];

/**
 * The members in the order they can be published: each after the members it refers to (a source
 * before its figures, counts before their rate). A cycle cannot be published: its members are
 * named.
 */
export function publishOrder(members: readonly Member[]): Member[] | { cycle: string[] } {
  const byNode = new Map(members.flatMap((m) => (nodeOf(m) ? [[nodeOf(m)!, m] as const] : [])));
  const done = new Set<Member>();
  const visiting = new Set<Member>();
  const out: Member[] = [];
  const visit = (m: Member): string[] | null => {
    if (done.has(m)) return null;
    if (visiting.has(m)) return [m.change.factKey];
    visiting.add(m);
    for (const node of dependencies(m)) {
      const dep = byNode.get(node);
      const cycle = dep && dep !== m ? visit(dep) : null;
      if (cycle) return [...cycle, m.change.factKey];
    }
    visiting.delete(m);
    done.add(m);
    out.push(m);
    return null;
  };
  for (const m of members) {
    const cycle = visit(m);
    if (cycle) return { cycle };
  }
  return out;
}
