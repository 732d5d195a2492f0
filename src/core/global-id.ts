import { BadInputError } from './errors';

/**
 * Global ids are `Type:key` (e.g. `Region:530103`, `GovernanceModel:fengqiao-experience`):
 * stable, readable in a paper's footnote, and still to be treated as opaque by clients. The
 * types are the entities' labels (see src/modules.ts).
 */
export const toGlobalId = (type: string, key: string): string => `${type}:${key}`;

export function fromGlobalId(id: string): { type: string; key: string } {
  const at = id.indexOf(':');
  const type = id.slice(0, at);
  const key = id.slice(at + 1);
  if (at <= 0 || !key || !/^[A-Z][A-Za-z]*$/.test(type)) {
    throw new BadInputError(
      `"${id}" is not a global id (expected Type:key, e.g. Region:530103)`,
      'id',
    );
  }
  return { type, key };
}

/** Accepts a global id of the expected type, or the bare key. */
export function keyOf(type: string, idOrKey: string, field = 'id'): string {
  if (!idOrKey.includes(':')) return idOrKey;
  const parsed = fromGlobalId(idOrKey);
  if (parsed.type !== type)
    throw new BadInputError(`"${idOrKey}" is a ${parsed.type} id, not a ${type} id`, field);
  return parsed.key;
}
