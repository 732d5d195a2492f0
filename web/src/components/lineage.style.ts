import type { StylesheetJson } from 'cytoscape';

/**
 * Quoted edges solid, editorial ones dashed and brown; the model the page is about outlined in red.
 */
export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '140px',
      'font-size': 12,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'background-color': '#0b57a4',
      width: 18,
      height: 18,
      color: '#1b1b1b',
    },
  },
  {
    selector: 'node[?root]',
    style: { 'background-color': '#9b1c1c', width: 26, height: 26, 'font-weight': 'bold' },
  },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': '#555',
      'target-arrow-color': '#555',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 10,
      color: '#555',
      'text-background-color': '#fff',
      'text-background-opacity': 1,
    },
  },
  {
    selector: 'edge[?editorial]',
    style: { 'line-style': 'dashed', 'line-color': '#b07a1f', 'target-arrow-color': '#b07a1f' },
  },
];
