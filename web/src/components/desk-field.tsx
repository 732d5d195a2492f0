import type { ComponentChildren } from 'preact';

/**
 * One field of a desk form with its problem, if the API named one: the message sits under the
 * field, which points at it (aria-describedby) and is marked invalid, so a screen reader reads
 * the message with the field.
 */
export function fieldError(id: string, problem: string | undefined) {
  return problem
    ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` }
    : { 'aria-invalid': undefined, 'aria-describedby': undefined };
}

export function Field({
  id,
  label,
  problem,
  children,
}: {
  readonly id: string;
  readonly label: string;
  readonly problem: string | undefined;
  readonly children: ComponentChildren;
}) {
  return (
    <div class="field">
      {label ? <label for={id}>{label}</label> : null}
      {children}
      <FieldProblem id={id} problem={problem} />
    </div>
  );
}

export function FieldProblem({ id, problem }: { readonly id: string; readonly problem?: string }) {
  return problem ? (
    <p id={`${id}-error`} class="field-error">
      {problem}
    </p>
  ) : null;
}
