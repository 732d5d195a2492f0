import { Link } from 'wouter-preact';
import type { ModelRef } from '../api/fragments';
import { useQuery } from '../api/use-query';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { type Component, VARIANTS, type VariantsData } from '../pages/model.query';
import { to } from '../routes';
import { ModelLink } from './links';
import { Loaded } from './status';

/**
 * A model's principles in order; those no sibling variant has are marked, so variants look
 * different.
 */
export function PrincipleChips({
  components,
  only,
}: {
  readonly components: readonly Component[];
  readonly only: ReadonlySet<string>;
}) {
  const { t, pick, lang } = useI18n();
  if (components.length === 0) return <p class="muted">{t('none')}</p>;
  return (
    <ol class="chips">
      {components.map((c) => (
        <li key={c.principle.slug} class={only.has(c.principle.slug) ? 'chip only' : 'chip'}>
          <Link href={to.principle(lang, c.principle.slug)}>
            {pick(c.principle.name, c.principle.nameEn)}
          </Link>
          <span class="kind">
            {only.has(c.principle.slug) ? t('onlyHere') : enumLabel(lang, c.principle.kind)}
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * Principles × sibling variants (models sharing a parent): which variant builds on which, this
 * model's row marked.
 */
function Matrix({
  data,
  self,
}: {
  readonly data: VariantsData['compareModels'];
  readonly self: string;
}) {
  const { pick } = useI18n();
  const uses = new Set(
    data.principleMatrix.flatMap((row) => row.models.map((m) => `${m.slug}|${row.principle.slug}`)),
  );
  return (
    <div style={{ overflowX: 'auto' }}>
      <table class="matrix">
        <thead>
          <tr>
            <td />
            {data.principleMatrix.map((row) => (
              <th key={row.principle.slug} scope="col">
                {pick(row.principle.name, row.principle.nameEn)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.models.map((m: ModelRef) => (
            <tr key={m.slug} class={m.slug === self ? 'self' : undefined}>
              <th scope="row">
                <ModelLink model={m} />
              </th>
              {data.principleMatrix.map((row) => (
                <td key={row.principle.slug}>
                  {uses.has(`${m.slug}|${row.principle.slug}`) ? '●' : ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A model's principles, set against its sibling variants when it has any. */
export function Principles({
  slug,
  components,
  variants,
}: {
  readonly slug: string;
  readonly components: readonly Component[];
  readonly variants: readonly string[];
}) {
  const { t } = useI18n();
  const [state, retry] = useQuery<VariantsData>(VARIANTS, { slugs: variants }, variants.length < 2);
  const only = new Set(
    state.status === 'done'
      ? (state.data.compareModels.perModel
          .find((p) => p.model.slug === slug)
          ?.onlyPrinciples.map((p) => p.slug) ?? [])
      : [],
  );
  return (
    <>
      <PrincipleChips components={components} only={only} />
      <Loaded state={state} retry={retry}>
        {(data) => (
          <>
            <h3>{t('variants')}</h3>
            <Matrix data={data.compareModels} self={slug} />
          </>
        )}
      </Loaded>
    </>
  );
}
