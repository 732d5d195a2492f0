import { Link } from 'wouter-preact';
import type { ModelRef, RegionRef } from '../api/fragments';
import { useI18n } from '../i18n/lang';
import { to } from '../routes';

export function ModelLink({ model }: { readonly model: ModelRef }) {
  const { pick, lang } = useI18n();
  return <Link href={to.model(lang, model.slug)}>{pick(model.name, model.nameEn)}</Link>;
}

export function RegionLink({ region }: { readonly region: RegionRef }) {
  const { pick, lang } = useI18n();
  return <Link href={to.region(lang, region.code)}>{pick(region.name, region.nameEn)}</Link>;
}

export function PracticeLink({
  practice,
}: {
  readonly practice: {
    readonly key: string;
    readonly name: string;
    readonly nameEn: string | null;
  };
}) {
  const { pick, lang } = useI18n();
  return <Link href={to.practice(lang, practice.key)}>{pick(practice.name, practice.nameEn)}</Link>;
}
