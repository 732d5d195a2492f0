export const SOURCE = `query Source($id: ID!) {
  node(id: $id) { ... on Source { key title titleEn author publisher originalPublisher published url kind text } }
}`;

export interface SourceData {
  readonly node: {
    readonly key: string;
    readonly title: string;
    readonly titleEn: string | null;
    readonly author: string | null;
    readonly publisher: string | null;
    readonly originalPublisher: string | null;
    readonly published: string | null;
    readonly url: string | null;
    readonly kind: string;
    readonly text: string;
  } | null;
}

/**
 * The text cut around a quote at `offset` for `length` code points (the API counts code points, not
 * UTF-16 units).
 */
export function splitAt(text: string, offset: number, length: number): [string, string, string] {
  const points = Array.from(text);
  return [
    points.slice(0, offset).join(''),
    points.slice(offset, offset + length).join(''),
    points.slice(offset + length).join(''),
  ];
}
