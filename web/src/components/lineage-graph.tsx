import type { Core, ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'wouter-preact';
import { useQuery } from '../api/use-query';
import { enumLabel } from '../i18n/enums';
import { type I18n, useI18n } from '../i18n/lang';
import { to } from '../routes';
import { LINEAGE, type LineageData, type LineageEdgeData } from './lineage.query';
import { GRAPH_STYLE } from './lineage.style';
import { ModelLink } from './links';
import { Provenance } from './quote';
import { Loaded } from './status';

const MAX_FIT_ZOOM = 1.3;

/**
 * Graph elements: arrows run from a model to what derives from it (as the API's Mermaid does);
 * editorial edges are flagged.
 */
function elements(data: LineageData['lineage'], i18n: I18n): ElementDefinition[] {
  return [
    ...data.nodes.map((n) => ({
      data: { id: n.slug, label: i18n.pick(n.name, n.nameEn), root: n.slug === data.root.slug },
    })),
    ...data.edges.map((e, i) => ({
      data: {
        id: `e${i}`,
        source: e.to.slug,
        target: e.from.slug,
        label: enumLabel(i18n.lang, e.relation),
        editorial: e.provenance.editorial,
      },
    })),
  ];
}

function EdgeList({
  data,
  selected,
}: {
  readonly data: LineageData['lineage'];
  readonly selected?: number;
}) {
  const i18n = useI18n();
  const bySlug = new Map(data.nodes.map((n) => [n.slug, n]));
  const link = (slug: string) => <ModelLink model={bySlug.get(slug)!} />;
  const row = (e: LineageEdgeData, i: number) => (
    <li key={i} class={i === selected ? 'edge-detail' : undefined}>
      {link(e.to.slug)} → {link(e.from.slug)} · {enumLabel(i18n.lang, e.relation)}
      {e.since ? ` (${e.since})` : ''}{' '}
      <span class={e.provenance.editorial ? 'badge badge-editorial' : 'badge'}>
        {i18n.t(e.provenance.editorial ? 'editorial' : 'quoted')}
      </span>
      <Provenance provenance={e.provenance} />
    </li>
  );
  return <ul class="edges">{data.edges.map(row)}</ul>;
}

/** Draws the graph with Cytoscape.js, loaded only when a model page needs it (its own chunk). */
function Graph({
  data,
  onEdge,
}: {
  readonly data: LineageData['lineage'];
  readonly onEdge: (index: number) => void;
}) {
  const i18n = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [, navigate] = useLocation();
  useEffect(() => {
    let cy: Core | undefined;
    let cancelled = false;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (cancelled || !box.current) return;
      const roots = data.nodes
        .filter((n) => !data.edges.some((e) => e.from.slug === n.slug))
        .map((n) => n.slug);
      cy = cytoscape({
        container: box.current,
        elements: elements(data, i18n),
        style: GRAPH_STYLE,
        layout: { name: 'breadthfirst', directed: true, roots, spacingFactor: 1.1, padding: 20 },
        wheelSensitivity: 0.3,
        maxZoom: 3,
        minZoom: 0.2,
      });
      // A small lineage would be fitted at a giant scale: keep it at most a little above life size.
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM);
        cy.center();
      }
      cy.on('tap', 'node', (event) => navigate(to.model(i18n.lang, event.target.id() as string)));
      cy.on('tap', 'edge', (event) => onEdge(Number((event.target.id() as string).slice(1))));
      box.current.dataset.ready = 'true';
    });
    return () => {
      cancelled = true;
      cy?.destroy();
    };
  }, [data, i18n.lang]);
  return (
    <div
      ref={box}
      class="graph"
      role="img"
      aria-label={`${i18n.t('lineage')}: ${data.nodes.length} / ${data.edges.length}`}
    />
  );
}

export function LineageGraph({ slug }: { readonly slug: string }) {
  const { t } = useI18n();
  const [state, retry] = useQuery<LineageData>(LINEAGE, { slug });
  const [selected, setSelected] = useState<number | undefined>();
  return (
    <Loaded state={state} retry={retry}>
      {({ lineage }) =>
        lineage.edges.length === 0 ? (
          <p class="muted">{t('none')}</p>
        ) : (
          <>
            <p class="graph-legend muted">{t('lineageHelp')}</p>
            <Graph data={lineage} onEdge={setSelected} />
            <EdgeList data={lineage} selected={selected} />
          </>
        )
      }
    </Loaded>
  );
}
