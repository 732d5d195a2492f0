type Child = Node | string | null | undefined | false;

/** An element with attributes and children; text goes in as text nodes, never as HTML. */
export function h(
  tag: string,
  attrs: Readonly<Record<string, string>> = {},
  ...children: Child[]
): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}
