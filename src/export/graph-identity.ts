import type { Properties, PropertyValue } from './graph-values';
import { isTagged } from './graph-values';

/**
 * The stable identity of a node in an export, independent of Neo4j's element ids: its label and
 * key (`Region:530103`, `GovernanceModel:fengqiao-experience`). A retracted fact, which keeps
 * its key but not its label, is `Retracted:<label>:<key>:<retractedAt>` (a fact may be retracted,
 * published again and retracted again).
 */

/** A kind of node an export holds: a label and its key property (the registry's entities). */
export interface NodeKind {
  readonly label: string;
  readonly key: string;
}

export const RETRACTED = 'Retracted';

/** Labels that are never exported nor imported: credentials, bookkeeping, the editors' workflow. */
export const RESERVED_LABELS: readonly string[] = ['ApiKey', 'GraphState', 'Change', 'ChangeEvent'];

/** The kind of a node: the first of its labels that is a known kind, or Retracted. */
export function kindOf(
  labels: readonly string[],
  kinds: readonly NodeKind[],
): NodeKind | typeof RETRACTED | undefined {
  const kind = kinds.find((k) => labels.includes(k.label));
  if (kind) return kind;
  return labels.includes(RETRACTED) ? RETRACTED : undefined;
}

const text = (v: PropertyValue | undefined): string | undefined =>
  typeof v === 'string'
    ? v
    : v !== undefined && isTagged(v) && typeof v.value === 'string'
      ? v.value
      : undefined;

/**
 * What identifies a node, as values: its kind's label and key, and for a retracted fact its
 * original label and when.
 */
export interface Identity {
  readonly id: string;
  readonly label: string;
  readonly key: string;
  /**
   * Set for a retracted fact: the kind it was, and when it was retracted (Cypher datetime text).
   */
  readonly retracted?: { readonly kind: NodeKind; readonly at: string };
}

/** The identity of a node, or a reason why it has none (a node without its key). */
export function identityOf(
  labels: readonly string[],
  props: Properties,
  kinds: readonly NodeKind[],
): Identity | string {
  const kind = kindOf(labels, kinds);
  if (kind === undefined)
    return `a node labelled ${labels.join(':') || '(none)'} is of no exported kind`;
  if (kind !== RETRACTED) {
    const key = text(props[kind.key]);
    return key === undefined
      ? `a ${kind.label} node has no ${kind.key}`
      : { id: `${kind.label}:${key}`, label: kind.label, key };
  }
  const was = kinds.find((k) => k.label === text(props.retractedLabel));
  const key = was ? text(props[was.key]) : undefined;
  const at = text(props.retractedAt);
  if (!was || key === undefined || at === undefined)
    return 'a Retracted node lacks its retractedLabel, key or retractedAt';
  return {
    id: `${RETRACTED}:${was.label}:${key}:${at}`,
    label: RETRACTED,
    key,
    retracted: { kind: was, at },
  };
}
