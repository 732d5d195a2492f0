import { useEffect, useRef, useState } from 'preact/hooks';
import { DeskError, deskGql } from '../api/desk-client';
import { useI18n } from '../i18n/lang';
import { RETURN_CHANGE, SUBMIT_CHANGE, WITHDRAW_CHANGE } from '../pages/review-change.query';
import type { ChangeData, Role } from '../pages/review.query';

type Step = 'withdraw' | 'return';

interface Props {
  readonly change: ChangeData;
  readonly token: string;
  readonly role: Role;
  /** After a step: the change set is read again. */
  readonly onDone: () => void;
}

/** A step asked with its reason: the field takes focus, Enter confirms, Escape cancels. */
function ReasonForm(props: {
  readonly id: string;
  readonly label: string;
  readonly onConfirm: (reason: string) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="desk-reason"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) props.onConfirm(reason.trim());
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <label for={props.id}>
        {props.label}: {t('reason')}
      </label>
      <input
        id={props.id}
        ref={input}
        type="text"
        required
        value={reason}
        onInput={(e) => setReason(e.currentTarget.value)}
      />
      <button type="submit">{t('confirm')}</button>
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}

/** Runs a step on the change; its error (a stale version, in words) is kept to be shown. */
function useStep(
  { change, token, onDone }: Props,
  done: () => void,
): [string | null, (query: string, reason?: string) => Promise<void>] {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const run = async (query: string, reason?: string) => {
    setError(null);
    try {
      await deskGql(token, query, { id: change.id, version: change.version, reason });
      done();
    } catch (e) {
      // A stale version means someone moved it: the fresh state is what the editor needs.
      const stale = e instanceof DeskError && e.code === 'CONFLICT';
      setError(stale ? t('stale') : e instanceof Error ? e.message : String(e));
    }
    onDone();
  };
  return [error, run];
}

/**
 * What may be done to one change now: submit a draft; withdraw an open one (its proposer or a
 * reviewer); return one in review (a reviewer). Withdrawing and returning take a reason, which
 * the change's history keeps.
 */
export function ChangeActions(props: Props) {
  const { change, role } = props;
  const { t } = useI18n();
  const [asking, setAsking] = useState<Step | null>(null);
  const [error, run] = useStep(props, () => setAsking(null));
  const open = change.status === 'DRAFT' || change.status === 'IN_REVIEW';
  const reviewer = role === 'REVIEWER' || role === 'ADMIN';
  if (!open) return null;
  return (
    <div class="desk-actions">
      {change.status === 'DRAFT' ? (
        <button type="button" onClick={() => void run(SUBMIT_CHANGE)}>
          {t('submit')}
        </button>
      ) : null}
      <button
        type="button"
        aria-expanded={asking === 'withdraw'}
        onClick={() => setAsking('withdraw')}
      >
        {t('withdraw')}
      </button>
      {change.status === 'IN_REVIEW' && reviewer ? (
        <button
          type="button"
          aria-expanded={asking === 'return'}
          onClick={() => setAsking('return')}
        >
          {t('returnChange')}
        </button>
      ) : null}
      {asking ? (
        <ReasonForm
          id={`reason-${change.id}`}
          label={asking === 'withdraw' ? t('withdraw') : t('returnChange')}
          onConfirm={(reason) =>
            void run(asking === 'withdraw' ? WITHDRAW_CHANGE : RETURN_CHANGE, reason)
          }
          onCancel={() => setAsking(null)}
        />
      ) : null}
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
