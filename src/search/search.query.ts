/**
 * User text (validated by SearchArgs) → a Lucene query that matches the words as typed: special
 * characters escaped, boolean keywords neutralised, so no input can change the query's
 * structure or fail to parse.
 */
export function toLuceneQuery(text: string): string {
  return text
    .trim()
    .replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`)
    .replace(/\b(AND|OR|NOT|TO)\b/g, (w) => w.toLowerCase());
}

const SNIPPET_RADIUS = 36;

/** The first field that contains the text (or one of its words), cut around the match. */
export function snippetFor(text: string, fields: ReadonlyArray<string | null | undefined>): string {
  const needles = [text.trim(), ...text.trim().split(/\s+/), ...(/[\u4e00-\u9fff]{2}/.exec(text) ?? [])].filter(Boolean).map((n) => n.toLowerCase());
  for (const field of fields) {
    if (!field) continue;
    const lower = field.toLowerCase();
    for (const needle of needles) {
      const at = lower.indexOf(needle);
      if (at === -1) continue;
      const start = Math.max(0, at - SNIPPET_RADIUS);
      const end = Math.min(field.length, at + needle.length + SNIPPET_RADIUS);
      return `${start > 0 ? '…' : ''}${field.slice(start, end)}${end < field.length ? '…' : ''}`;
    }
  }
  const first = fields.find((f) => f) ?? '';
  return first.length > 2 * SNIPPET_RADIUS ? `${first.slice(0, 2 * SNIPPET_RADIUS)}…` : first;
}
