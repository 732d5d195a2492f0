import type { ChangeSetRow } from './change-set.statements';
import type { ChangeSet } from './change-set.type';

/** A stored change set as the API shows it. */
export const toChangeSet = (s: ChangeSetRow): ChangeSet => ({
  id: s.id,
  title: s.title,
  status: s.status,
  version: s.version,
  createdBy: s.createdByName,
  createdAt: s.createdAt,
  publishedAt: s.publishedAt,
  sourceId: s.sourceId,
  notes: s.notes,
});
