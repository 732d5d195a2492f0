import { useQuery } from '../api/use-query';
import { PracticeLink, RegionLink } from '../components/links';
import { Citations } from '../components/quote';
import { FiguresSection, ModelsSection } from '../components/sections';
import { Loaded, NotFound } from '../components/status';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { PRACTICE, type PracticeData } from './practice.query';

function Pilots({ pilots }: { readonly pilots: PracticeData['comparablePilots'] }) {
  const { t } = useI18n();
  if (pilots.length === 0) return <p class="muted">{t('none')}</p>;
  return (
    <table class="figures">
      <thead>
        <tr>
          <th scope="col">{t('practices')}</th>
          <th scope="col">{t('score')}</th>
          <th scope="col">{t('reasons')}</th>
        </tr>
      </thead>
      <tbody>
        {pilots.map((p) => (
          <tr key={p.practice.key}>
            <td>
              <PracticeLink practice={p.practice} /> · <RegionLink region={p.practice.region} />
            </td>
            <td class="num">{p.score}</td>
            <td>
              <ul>
                {p.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Practice({
  data,
}: {
  readonly data: PracticeData & { practice: NonNullable<PracticeData['practice']> };
}) {
  const { t, pick, lang } = useI18n();
  const p = data.practice;
  return (
    <article>
      <nav class="breadcrumb" aria-label={t('region')}>
        <ol>
          {[...p.region.ancestors, p.region].map((a) => (
            <li key={a.code}>
              <RegionLink region={a} />
            </li>
          ))}
        </ol>
      </nav>
      <h1>{pick(p.name, p.nameEn)}</h1>
      <p class="muted">
        {enumLabel(lang, p.category)} · {enumLabel(lang, p.status)}
        {p.started ? ` · ${t('started')} ${p.started.value}` : ''}
        {p.site ? ` · ${pick(p.site, p.siteEn)}` : ''}
        {p.scale ? ` · ${pick(p.scale, p.scaleEn)}` : ''}
      </p>
      {p.description ? <p>{pick(p.description, p.descriptionEn)}</p> : null}
      <Citations citations={p.citations} />
      <ModelsSection models={p.models} />
      {p.organizations.length ? (
        <section>
          <h2>{t('organizations')}</h2>
          <ul>
            {p.organizations.map((o) => (
              <li key={o.key}>{pick(o.name, o.nameEn)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h2>{t('comparablePilots')}</h2>
        <Pilots pilots={data.comparablePilots} />
      </section>
      <FiguresSection figures={p.observations} showRegion={false} />
    </article>
  );
}

export function PracticePage({ pkey }: { readonly pkey: string }) {
  const [state, retry] = useQuery<PracticeData>(PRACTICE, { key: pkey, id: `Practice:${pkey}` });
  return (
    <Loaded state={state} retry={retry}>
      {(data) =>
        data.practice ? (
          <Practice data={{ ...data, practice: data.practice }} />
        ) : (
          <NotFound what={pkey} />
        )
      }
    </Loaded>
  );
}
