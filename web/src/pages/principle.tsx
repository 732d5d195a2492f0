import type { ModelRef } from '../api/fragments';
import { useQuery } from '../api/use-query';
import { ModelLink } from '../components/links';
import { Loaded, NotFound } from '../components/status';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';

const PRINCIPLE = `query Principle($slug: String!) { principle(slug: $slug) { slug name nameEn kind pinyin description descriptionEn models { slug name nameEn } } }`;

interface PrincipleData {
  readonly principle:
    | (ModelRef & {
        readonly kind: string;
        readonly pinyin: string | null;
        readonly description: string | null;
        readonly descriptionEn: string | null;
        readonly models: readonly ModelRef[];
      })
    | null;
}

export function PrinciplePage({ slug }: { readonly slug: string }) {
  const { t, pick, lang } = useI18n();
  const [state, retry] = useQuery<PrincipleData>(PRINCIPLE, { slug });
  return (
    <Loaded state={state} retry={retry}>
      {({ principle: p }) =>
        p ? (
          <article>
            <p class="muted">
              {enumLabel(lang, p.kind)}
              {p.pinyin ? ` · ${p.pinyin}` : ''}
            </p>
            <h1>{pick(p.name, p.nameEn)}</h1>
            {p.description ? <p>{pick(p.description, p.descriptionEn)}</p> : null}
            <h2>{t('models_of_principle')}</h2>
            <ul>
              {p.models.map((m) => (
                <li key={m.slug}>
                  <ModelLink model={m} />
                </li>
              ))}
            </ul>
          </article>
        ) : (
          <NotFound what={slug} />
        )
      }
    </Loaded>
  );
}
