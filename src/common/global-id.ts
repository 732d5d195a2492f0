import { BadInputError } from '../errors/errors';

/** Node types and the key each is found by. */
export const NODE_TYPES = ['Region', 'GovernanceModel', 'Principle', 'Practice', 'Observation', 'Indicator', 'Citation', 'Source', 'Organization', 'Person'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * Global ids are `Type:key` (e.g. `Region:530103`, `GovernanceModel:fengqiao-experience`):
 * stable, readable in a paper's footnote, and still to be treated as opaque by clients.
 */
export const toGlobalId = (type: NodeType, key: string): string => `${type}:${key}`;

export function fromGlobalId(id: string): { type: NodeType; key: string } {
  const at = id.indexOf(':');
  const type = id.slice(0, at) as NodeType;
  const key = id.slice(at + 1);
  if (at <= 0 || !key || !NODE_TYPES.includes(type)) {
    throw new BadInputError(`"${id}" is not a global id (expected Type:key, e.g. Region:530103)`, 'id');
  }
  return { type, key };
}

/** Accepts a global id of the expected type, or the bare key. */
export function keyOf(type: NodeType, idOrKey: string): string {
  if (!idOrKey.includes(':')) return idOrKey;
  const parsed = fromGlobalId(idOrKey);
  if (parsed.type !== type) throw new BadInputError(`"${idOrKey}" is a ${parsed.type} id, not a ${type} id`, 'id');
  return parsed.key;
}
