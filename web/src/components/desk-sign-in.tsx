import { useState } from 'preact/hooks';
import { DeskError, deskGql } from '../api/desk-client';
import { writeKey } from '../api/session';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { ME, type MeData } from '../pages/review.query';

/**
 * Sign-in with a pasted API key, checked against `me` before it is kept: a wrong key is said so
 * here, not by the first step that would fail with it.
 */
export function SignIn({ problem }: { readonly problem?: string }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>(problem);
  const [busy, setBusy] = useState(false);
  const signIn = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { me } = await deskGql<MeData>(key.trim(), ME);
      if (me) writeKey(key.trim());
      else setError(t('badKey'));
    } catch (e) {
      const refused = e instanceof DeskError && e.code === 'UNAUTHENTICATED';
      setError(refused ? t('badKey') : e instanceof Error ? e.message : String(e));
    }
    setBusy(false);
  };
  return (
    <form
      class="desk-sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        if (key.trim()) void signIn();
      }}
    >
      <h2>{t('signIn')}</h2>
      <p class="muted" id="desk-key-hint">
        {t('signInHint')}
      </p>
      <label for="desk-key">{t('apiKey')}</label>
      <input
        id="desk-key"
        type="password"
        autocomplete="off"
        spellcheck={false}
        required
        value={key}
        aria-describedby={error ? 'desk-key-hint desk-key-error' : 'desk-key-hint'}
        aria-invalid={error ? true : undefined}
        onInput={(e) => setKey(e.currentTarget.value)}
      />
      <button type="submit" disabled={busy}>
        {t('signIn')}
      </button>
      {error ? (
        <p id="desk-key-error" class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** Who is signed in, and the way out (which forgets the key in this tab). */
export function SignedIn({ me }: { readonly me: NonNullable<MeData['me']> }) {
  const { t, lang } = useI18n();
  return (
    <p class="desk-me">
      {t('signedInAs')} <strong>{me.name}</strong> ({enumLabel(lang, me.role)}){' '}
      <button type="button" onClick={() => writeKey(null)}>
        {t('signOut')}
      </button>
    </p>
  );
}
