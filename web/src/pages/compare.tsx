import { useSearchParams } from 'wouter-preact';
import { useQuery } from '../api/use-query';
import { periodText } from '../components/figures-table';
import { ModelLink, RegionLink } from '../components/links';
import { Citations } from '../components/quote';
import { Loaded } from '../components/status';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { COMPARE, type CompareData, slugsFrom } from './compare.query';
import { MODELS, type ModelsData } from './search.query';

/** Chooses the compared models; the choice lives in `?m=`, so a comparison can be shared. */
function Picker({
  slugs,
  onChange,
}: {
  readonly slugs: readonly string[];
  readonly onChange: (slugs: string[]) => void;
}) {
  const { t, pick } = useI18n();
  const [state, retry] = useQuery<ModelsData>(MODELS, {});
  return (
    <Loaded state={state} retry={retry}>
      {(data) => {
        const models = data.models.edges.map((e) => e.node);
        const name = (slug: string) => {
          const m = models.find((x) => x.slug === slug);
          return m ? pick(m.name, m.nameEn) : slug;
        };
        return (
          <div class="picker">
            {slugs.map((s) => (
              <button
                key={s}
                type="button"
                onClick={() => onChange(slugs.filter((x) => x !== s))}
                aria-label={`${t('remove')}: ${name(s)}`}
              >
                {name(s)} ✕
              </button>
            ))}
            {slugs.length < 4 ? (
              <label>
                {t('addModel')}{' '}
                <select
                  value=""
                  onChange={(e) =>
                    e.currentTarget.value && onChange([...slugs, e.currentTarget.value])
                  }
                >
                  <option value="">—</option>
                  {models
                    .filter((m) => !slugs.includes(m.slug))
                    .map((m) => (
                      <option key={m.slug} value={m.slug}>
                        {pick(m.name, m.nameEn)}
                      </option>
                    ))}
                </select>
              </label>
            ) : null}
          </div>
        );
      }}
    </Loaded>
  );
}

function Sides({ data }: { readonly data: CompareData['compareModels'] }) {
  const { t, pick, lang } = useI18n();
  return (
    <div class="compare-grid">
      {data.perModel.map((side) => (
        <section key={side.model.slug} aria-label={pick(side.model.name, side.model.nameEn)}>
          <h3>
            <ModelLink model={side.model} />
          </h3>
          <p class="muted">
            {enumLabel(lang, side.model.kind)} · {t('practiceCount')}: {side.practiceCount}
          </p>
          <h4>{t('onlyPrinciples')}</h4>
          <ul class="chips">
            {side.onlyPrinciples.length ? (
              side.onlyPrinciples.map((p) => (
                <li key={p.slug} class="chip only">
                  {pick(p.name, p.nameEn)}
                </li>
              ))
            ) : (
              <li class="muted">{t('none')}</li>
            )}
          </ul>
          <h4>{t('adopters')}</h4>
          <ul>
            {side.adopters.map((a, i) => (
              <li key={i}>
                {a.started?.value ?? t('undated')} · <RegionLink region={a.region} />{' '}
                <span class="muted">{enumLabel(lang, a.status)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Figures({ data }: { readonly data: CompareData['compareModels'] }) {
  const { t, pick, lang } = useI18n();
  if (data.figures.length === 0) return <p class="muted">{t('none')}</p>;
  return (
    <>
      {data.figures.map((group) => (
        <section key={group.indicator.code}>
          <h3>
            {pick(group.indicator.name, group.indicator.nameEn)}{' '}
            <span class={group.comparable ? 'badge badge-practice' : 'badge badge-editorial'}>
              {t(group.comparable ? 'comparable' : 'notComparable')}
            </span>
          </h3>
          {group.notes.length ? (
            <ul class="muted">
              {group.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          <table class="figures">
            <tbody>
              {group.figures.map(({ model, observation: o }) => (
                <tr key={o.key}>
                  <td>
                    <ModelLink model={model} />
                  </td>
                  <td>
                    <span class="num">{o.value}</span> {o.unit}{' '}
                    <span class="muted" lang="zh">
                      {o.reported}
                    </span>
                  </td>
                  <td>{periodText(lang, o)}</td>
                  <td>
                    <RegionLink region={o.region} />
                  </td>
                  <td>
                    <Citations citations={o.citations} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

export function ComparePage() {
  const { t, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const slugs = slugsFrom(params.get('m'));
  const [state, retry] = useQuery<CompareData>(COMPARE, { slugs }, slugs.length < 2);
  const choose = (next: string[]) =>
    setParams((p) => {
      const q = new URLSearchParams(p);
      q.set('m', next.join(','));
      return q;
    });
  return (
    <article>
      <h1>{t('compareTitle')}</h1>
      <p class="muted">{t('compareHint')}</p>
      <Picker slugs={slugs} onChange={choose} />
      <Loaded state={state} retry={retry}>
        {({ compareModels: data }) => (
          <>
            <h2>{t('sharedPrinciples')}</h2>
            <ul class="chips">
              {data.sharedPrinciples.length ? (
                data.sharedPrinciples.map((p) => (
                  <li key={p.slug} class="chip">
                    {pick(p.name, p.nameEn)}
                  </li>
                ))
              ) : (
                <li class="muted">{t('none')}</li>
              )}
            </ul>
            <h2>{t('models')}</h2>
            <Sides data={data} />
            <h2>{t('figuresByIndicator')}</h2>
            <Figures data={data} />
          </>
        )}
      </Loaded>
    </article>
  );
}
