import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/lang';
import type { Located } from './desk-locate';

/**
 * The report's text as drafted, with the selected change's quote marked (its reported words set
 * off inside it) and scrolled into view, so the editor reads each figure in its sentence.
 */
export function DeskSource({
  text,
  at,
  missing,
}: {
  readonly text: string | null;
  readonly at: Located | undefined;
  /** The selected change has a quote, but it is not in the text. */
  readonly missing: boolean;
}) {
  const { t } = useI18n();
  const mark = useRef<HTMLElement>(null);
  const pane = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The pane scrolls, not the page (scrollIntoView would move the page too, away from the
    // change the editor just picked): the quote is brought to the middle of the pane.
    const box = pane.current;
    if (!box || !mark.current) return;
    box.scrollTop = mark.current.offsetTop - (box.clientHeight - mark.current.offsetHeight) / 2;
  }, [at?.start, at?.end, text]);
  if (text === null) return <p class="muted">{t('noSourceText')}</p>;
  const quote = at ? text.slice(at.start, at.end) : '';
  const inner = at?.inner;
  return (
    <>
      {missing ? (
        <p class="muted" role="status">
          {t('quoteNotFound')}
        </p>
      ) : null}
      {/* Focusable, so the keyboard can scroll a long report (the pane around it is labelled). */}
      <div class="source-text desk-text" lang="zh" tabIndex={0} ref={pane}>
        {at ? text.slice(0, at.start) : text}
        {at ? (
          <mark ref={mark} id="desk-quote">
            {inner ? (
              <>
                {text.slice(at.start, inner.start)}
                <strong>{text.slice(inner.start, inner.end)}</strong>
                {text.slice(inner.end, at.end)}
              </>
            ) : (
              quote
            )}
          </mark>
        ) : null}
        {at ? text.slice(at.end) : null}
      </div>
    </>
  );
}
