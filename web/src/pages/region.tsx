import { Link, useSearchParams } from 'wouter-preact';
import { useQuery } from '../api/use-query';
import { Hierarchy } from '../components/hierarchy';
import { RegionLink } from '../components/links';
import { FiguresSection, ModelsSection, PracticesSection } from '../components/sections';
import { Loaded, NotFound } from '../components/status';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { to } from '../routes';
import { REGION, type RegionData } from './region.query';

function Region({
  region,
  sub,
}: {
  readonly region: NonNullable<RegionData['region']>;
  readonly sub: boolean;
}) {
  const { t, pick, lang } = useI18n();
  const [, setParams] = useSearchParams();
  const toggle = (on: boolean) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (on) next.set('sub', '1');
        else next.delete('sub');
        return next;
      },
      { replace: true },
    );
  const onToggle = (e: { currentTarget: HTMLInputElement }) => toggle(e.currentTarget.checked);
  return (
    <article>
      <nav class="breadcrumb" aria-label={t('hierarchy')}>
        <ol>
          {region.ancestors.map((a) => (
            <li key={a.code}>
              <RegionLink region={a} />
            </li>
          ))}
          <li aria-current="page">{pick(region.name, region.nameEn)}</li>
        </ol>
      </nav>
      <h1>{pick(region.name, region.nameEn)}</h1>
      <p class="muted">
        {region.officialName} · {region.code} · {region.kind} · {enumLabel(lang, region.level)}
        {region.ethnicGroups.length ? ` · ${region.ethnicGroups.join('、')}` : ''}
        {region.level === 'PREFECTURE' ? (
          <>
            {' · '}
            <Link href={to.chart(lang, region.code)}>{t('chart')}</Link>
          </>
        ) : null}
      </p>
      {region.countyLevelZone ? (
        <p class="muted">
          <RegionLink region={region.countyLevelZone.host} /> · {region.countyLevelZone.basis}
        </p>
      ) : null}
      <label>
        <input type="checkbox" checked={sub} onChange={onToggle} /> {t('includeSubregions')}
      </label>
      <ModelsSection models={region.modelsAdopted} />
      <PracticesSection practices={region.practices} />
      <FiguresSection figures={region.observations} showRegion={sub} />
      <section>
        <h2>{t('hierarchy')}</h2>
        <Hierarchy ancestors={region.ancestors} region={region} />
      </section>
    </article>
  );
}

export function RegionPage({ code }: { readonly code: string }) {
  const [params] = useSearchParams();
  const sub = params.get('sub') === '1';
  const [state, retry] = useQuery<RegionData>(REGION, { code, sub });
  return (
    <Loaded state={state} retry={retry}>
      {(data) =>
        data.region ? <Region region={data.region} sub={sub} /> : <NotFound what={code} />
      }
    </Loaded>
  );
}
