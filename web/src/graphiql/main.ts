import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import tour from 'virtual:tour-queries';

/**
 * The API this page was served by (POST, like any GraphQL client: the IDE may run mutations with a
 * key in its headers).
 */
async function fetcher(
  params: unknown,
  options?: { headers?: Record<string, unknown> },
): Promise<unknown> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options?.headers as Record<string, string> | undefined),
    },
    body: JSON.stringify(params),
  });
  return res.json();
}

/**
 * An operation name from a tour title ("Portal — search in Chinese or English" →
 * PortalSearchInChineseOrEnglish), so each tab has a title.
 */
const nameOf = (title: string, i: number): string =>
  (title.match(/[A-Za-z]+/g) ?? [])
    .slice(0, 5)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')
    .slice(0, 40) + (/\((\d+)\)$/.exec(title)?.[1] ?? '') || `Tour${i + 1}`;

/** One tab per operation of the README's tour: named, its title as a comment. */
const defaultTabs = tour.map(({ title, query }, i) => ({
  query: `# ${title}\n${query.startsWith('{') ? `query ${nameOf(title, i)} ` : ''}${query}\n`,
}));

createRoot(document.getElementById('ide')!).render(
  createElement(GraphiQL, { fetcher, defaultTabs, defaultEditorToolsVisibility: false }),
);
