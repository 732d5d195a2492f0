import { useSearchParams } from 'wouter-preact';
import { useKey } from '../api/session';
import { useDeskQuery } from '../api/use-desk-query';
import { ChangeSets } from '../components/desk-sets';
import { SignedIn, SignIn } from '../components/desk-sign-in';
import { Upload } from '../components/desk-upload';
import { Loaded } from '../components/status';
import { useI18n } from '../i18n/lang';
import { ChangeSetPage } from './review-set';
import { ME, type MeData } from './review.query';

/** The desk once signed in: who, then the list and the upload, or the set being reviewed. */
function Desk({ token }: { readonly token: string }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [state, retry] = useDeskQuery<MeData>(token, ME, {});
  // A key revoked or mistyped since it was kept: ask for one again, saying why.
  if (state.status === 'error' && state.error.code === 'UNAUTHENTICATED')
    return <SignIn problem={t('badKey')} />;
  const set = params.get('set');
  return (
    <Loaded state={state} retry={retry}>
      {({ me }) =>
        me ? (
          <>
            <SignedIn me={me} />
            {set ? (
              <ChangeSetPage key={set} id={set} token={token} role={me.role} />
            ) : (
              <>
                <Upload token={token} />
                <ChangeSets token={token} />
              </>
            )}
          </>
        ) : (
          <SignIn problem={t('badKey')} />
        )
      }
    </Loaded>
  );
}

/**
 * The review desk (/review): an editor uploads a report, reads each drafted fact beside its
 * sentence, corrects it, and submits the set; a reviewer publishes it. Loaded on demand, so the
 * public explorer's first load carries none of it.
 */
export function ReviewPage() {
  const { t } = useI18n();
  const key = useKey();
  return (
    <section class="desk">
      <h1>{t('reviewTitle')}</h1>
      {key ? <Desk key={key} token={key} /> : <SignIn />}
    </section>
  );
}
