import { useState } from 'preact/hooks';
import { deskGql } from '../api/desk-client';
import { useI18n } from '../i18n/lang';
import {
  type ChangeSetDetail,
  type Counts,
  PUBLISH_SET,
  type Role,
  SUBMIT_SET,
} from '../pages/review.query';

/** A set's counts in words: 草稿 3 · 待审 2 … */
export function CountsLine({ counts }: { readonly counts: Counts }) {
  const { t } = useI18n();
  return (
    <span class="desk-counts">
      {t('countDraft')} {counts.draft} · {t('countInReview')} {counts.inReview} ·{' '}
      {t('countPublished')} {counts.published} · {t('countWithdrawn')} {counts.withdrawn}
    </span>
  );
}

/**
 * The steps on a whole set: submit every draft at once (an editor), publish all of it in one
 * transaction (a reviewer, once every open change is in review).
 */
export function SetActions({
  set,
  token,
  role,
  reload,
}: {
  readonly set: ChangeSetDetail;
  readonly token: string;
  readonly role: Role;
  readonly reload: () => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (query: string) => {
    setError(null);
    setBusy(true);
    try {
      await deskGql(token, query, { id: set.id, version: set.version });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    setBusy(false);
    reload();
  };
  if (set.status !== 'OPEN') return null;
  const reviewer = role === 'REVIEWER' || role === 'ADMIN';
  return (
    <div class="desk-actions">
      <button
        type="button"
        disabled={busy || set.counts.draft === 0}
        onClick={() => void run(SUBMIT_SET)}
      >
        {t('submitAll')}
      </button>
      {reviewer ? (
        <button
          type="button"
          disabled={busy || set.counts.draft > 0 || set.counts.inReview === 0}
          onClick={() => void run(PUBLISH_SET)}
        >
          {t('publishSet')}
        </button>
      ) : null}
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** What the drafter could not propose, for the editor to do by hand. */
export function DrafterNotes({ notes }: { readonly notes: readonly string[] }) {
  const { t } = useI18n();
  if (notes.length === 0) return null;
  return (
    <details class="desk-notes">
      <summary>
        {t('notes')} ({notes.length})
      </summary>
      <ul>
        {notes.map((n, i) => (
          <li key={i} lang="zh">
            {n}
          </li>
        ))}
      </ul>
    </details>
  );
}
