import { useEffect, useRef } from 'preact/hooks';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import type { ChangeData } from '../pages/review.query';

/** A change as one line: what the fact says, as briefly as its kind allows. */
export function changeLabel(change: ChangeData): string {
  const f = change.fact ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  if (change.factType === 'OBSERVATION')
    return str(f.reported) ?? `${String(f.value ?? '')} ${String(f.unit ?? '')}`.trim();
  return str(f.name) ?? str(f.title) ?? change.factKey;
}

const percent = (c: number | null): string => (c === null ? '' : `${Math.round(c * 100)}%`);

/**
 * The changes of a set, in the set's order (dependencies first), one selected. The arrow keys
 * move the selection within the list, as in a list box; j/k do so anywhere on the page (see
 * the set view).
 */
export function ChangeList({
  changes,
  selected,
  onSelect,
}: {
  readonly changes: readonly ChangeData[];
  readonly selected: string | undefined;
  readonly onSelect: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // The selected item stays in view as j/k move through a long set; the list scrolls, not the
    // page.
    const box = list.current;
    const item = box?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!box || !item) return;
    if (item.offsetTop < box.scrollTop) box.scrollTop = item.offsetTop;
    else if (item.offsetTop + item.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = item.offsetTop + item.offsetHeight - box.clientHeight;
  }, [selected]);
  const move = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    const next = changes[index + step];
    if (!step || !next) return;
    e.preventDefault();
    onSelect(next.id);
    list.current?.querySelectorAll<HTMLButtonElement>('button')[index + step]?.focus();
  };
  return (
    <ol class="desk-changes" ref={list} aria-label={t('changes')}>
      {changes.map((c, i) => (
        <li key={c.id}>
          <button
            type="button"
            aria-current={c.id === selected ? 'true' : undefined}
            onClick={() => onSelect(c.id)}
            onKeyDown={(e) => move(e, i)}
          >
            <span class="badge">{enumLabel(lang, c.factType)}</span>{' '}
            <span lang="zh">{changeLabel(c)}</span>{' '}
            <span class={`desk-status desk-status-${c.status.toLowerCase()}`}>
              {enumLabel(lang, c.status)}
            </span>
            {c.confidence !== null ? (
              <span class="muted">
                {' '}
                {t('confidence')} {percent(c.confidence)}
              </span>
            ) : null}
          </button>
        </li>
      ))}
    </ol>
  );
}
