import { useState } from 'preact/hooks';
import { useLocation } from 'wouter-preact';
import { DeskError, uploadReport } from '../api/desk-client';
import { useI18n } from '../i18n/lang';
import type { MessageKey } from '../i18n/messages';
import { to } from '../routes';

/** The upload's refusals in words; any other keeps the server's own message. */
const REFUSALS: Readonly<Record<number, MessageKey>> = {
  401: 'uploadUnauthenticated',
  403: 'uploadForbidden',
  409: 'uploadConflict',
  413: 'uploadTooLarge',
  415: 'uploadUnsupported',
  422: 'uploadUnreadable',
};

/**
 * A report file sent to the server as it is: the server reads it (text, web page, Word, PDF),
 * drafts its facts into a new change set, and the desk opens that set.
 */
export function Upload({ token }: { readonly token: string }) {
  const { t, lang } = useI18n();
  const [, navigate] = useLocation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (chosen: File) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await uploadReport(token, chosen);
      navigate(to.review(lang, answer.changeSet.id));
    } catch (e) {
      // The refusal in words, then the server's own detail (which file, what limit).
      const refusal = e instanceof DeskError ? REFUSALS[e.status] : undefined;
      const detail = e instanceof Error ? e.message : String(e);
      setError(refusal ? `${t(refusal)} (${detail})` : detail);
      setBusy(false);
    }
  };
  return (
    <form
      class="desk-upload"
      onSubmit={(e) => {
        e.preventDefault();
        if (file) void upload(file);
      }}
    >
      <h2>{t('upload')}</h2>
      <p class="muted" id="desk-upload-hint">
        {t('uploadHint')}
      </p>
      <label for="desk-report">{t('reportFile')}</label>{' '}
      <input
        id="desk-report"
        type="file"
        accept=".txt,.html,.htm,.docx,.pdf"
        aria-describedby={error ? 'desk-upload-hint desk-upload-error' : 'desk-upload-hint'}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
      />{' '}
      <button type="submit" disabled={!file || busy}>
        {t('upload')}
      </button>
      {busy ? (
        <p class="muted" role="status">
          {t('uploading')}
        </p>
      ) : null}
      {error ? (
        <p id="desk-upload-error" class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
