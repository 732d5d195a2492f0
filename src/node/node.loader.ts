import type { NodeType } from '../common/global-id';
import type { Context } from '../server/context';

/** Each node type and the loader that fetches it by key. */
export function loadNode(ctx: Context, type: NodeType, key: string): Promise<unknown> {
  const loaders: Record<NodeType, (k: string) => Promise<unknown>> = {
    Region: (k) => ctx.loaders.region.load(k),
    GovernanceModel: (k) => ctx.loaders.model.load(k),
    Principle: (k) => ctx.loaders.principle.load(k),
    Practice: (k) => ctx.loaders.practice.load(k),
    Observation: (k) => ctx.loaders.observation.load(k),
    Indicator: (k) => ctx.loaders.indicator.load(k),
    Citation: (k) => ctx.loaders.citation.load(k),
    Source: (k) => ctx.loaders.source.load(k),
    Organization: (k) => ctx.loaders.organization.load(k),
    Person: (k) => ctx.loaders.person.load(k),
  };
  return loaders[type](key);
}
