import { Link } from 'wouter-preact';
import { useQuery } from '../api/use-query';
import { LineageGraph } from '../components/lineage-graph';
import { RegionLink } from '../components/links';
import { Principles } from '../components/principles';
import { Provenance } from '../components/quote';
import { FiguresSection, PracticesSection } from '../components/sections';
import { Loaded, NotFound } from '../components/status';
import { AdoptersTimeline } from '../components/timeline';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { to } from '../routes';
import { MODEL, type ModelData, variantsOf } from './model.query';

function Model({ model }: { readonly model: NonNullable<ModelData['model']> }) {
  const { t, pick, lang } = useI18n();
  const variants = variantsOf(model);
  return (
    <article>
      <p class="muted">
        {enumLabel(lang, model.kind)}
        {variants.length > 1 ? (
          <>
            {' · '}
            <Link href={to.compare(lang, variants.slice(0, 4))}>{t('compare')}</Link>
          </>
        ) : null}
      </p>
      <h1>{pick(model.name, model.nameEn)}</h1>
      {lang === 'en' ? (
        <p lang="zh">{model.name}</p>
      ) : (
        <p lang="en" class="muted">
          {model.nameEn}
        </p>
      )}
      {model.summary ? <p>{pick(model.summary, model.summaryEn)}</p> : null}
      {model.aliases.length ? (
        <p class="muted">
          {t('aliases')}: {model.aliases.join('、')}
        </p>
      ) : null}
      <Provenance provenance={model.provenance} />
      {model.origin ? (
        <section>
          <h2>{t('origin')}</h2>
          <p>
            {model.origin.year ?? ''}{' '}
            {model.origin.region ? <RegionLink region={model.origin.region} /> : null}
          </p>
          <Provenance provenance={model.origin.provenance} />
        </section>
      ) : null}
      <section>
        <h2>
          {t('principles')}
          {model.principlesComplete === false ? (
            <span class="muted"> ({t('principlesIncomplete')})</span>
          ) : null}
        </h2>
        <Principles slug={model.slug} components={model.components} variants={variants} />
      </section>
      <section>
        <h2>{t('lineage')}</h2>
        <LineageGraph slug={model.slug} />
      </section>
      <section>
        <h2>{t('adopters')}</h2>
        <AdoptersTimeline adopters={model.adopters} />
      </section>
      <PracticesSection practices={model.practices} />
      <FiguresSection figures={model.observations} />
    </article>
  );
}

export function ModelPage({ slug }: { readonly slug: string }) {
  const [state, retry] = useQuery<ModelData>(MODEL, { slug });
  return (
    <Loaded state={state} retry={retry}>
      {(data) => (data.model ? <Model model={data.model} /> : <NotFound what={slug} />)}
    </Loaded>
  );
}
