import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/lang';
import type { Marked } from '../pages/chart-compare';
import type { ChartFigure } from '../pages/chart.query';

const BAR = '#0b57a4';
const ODD = '#b07a1f';

/** The county a figure counts for (a township's figure counts for its county-level unit). */
export const countyOf = (f: ChartFigure) => f.region.countyLevelUnit ?? f.region;

/**
 * A bar per figure, by county; figures that are not comparable hatched. Chart.js is loaded on first
 * use.
 */
export function IndicatorChart({
  marked,
  unit,
  title,
}: {
  readonly marked: readonly Marked<ChartFigure>[];
  readonly unit: string;
  readonly title: string;
}) {
  const { pick } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import('./chart-setup').then(({ Chart, hatch }) => {
      if (cancelled || !canvas.current) return;
      const labels = marked.map(
        ({ figure: f, comparable }) =>
          `${pick(countyOf(f).name, countyOf(f).nameEn)}${comparable ? '' : ` (${f.period ?? f.periodKind})`}`,
      );
      chart = new Chart(canvas.current, {
        type: 'bar',
        data: {
          labels,
          datasets: [
            {
              label: title,
              data: marked.map((m) => m.figure.value),
              backgroundColor: marked.map((m) => (m.comparable ? BAR : hatch(ODD))),
              borderColor: marked.map((m) => (m.comparable ? BAR : ODD)),
              borderWidth: 1,
            },
          ],
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { title: { display: true, text: unit } } },
        },
      });
      canvas.current.dataset.ready = 'true';
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [marked, unit, title]);
  return (
    <div class="chart-box">
      <canvas ref={canvas} role="img" aria-label={`${title} (${unit})`} />
    </div>
  );
}
