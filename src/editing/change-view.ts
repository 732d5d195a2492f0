import type { AuthUser, Context } from '../core/context';
import type { ChangeRow } from './change.statements';
import type { Change, FactType } from './editing.type';

/** A stored change as the API shows it. */
export const toChange = (c: ChangeRow): Change => ({
  id: c.id,
  factType: c.factType as FactType,
  factKey: c.factKey,
  operation: c.op as Change['operation'],
  status: c.status as Change['status'],
  version: c.version,
  fact: c.fact ? (JSON.parse(c.fact) as Record<string, unknown>) : null,
  baseVersion: c.baseVersion,
  createdBy: c.createdByName,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  reason: c.reason,
  confidence: c.confidence,
  draftReason: c.draftReason,
  setId: c.setId,
});

/** The caller of an `@Authorized` field: the authChecker has run, so it is known. */
export const caller = (ctx: Context): AuthUser => ctx.user!;
