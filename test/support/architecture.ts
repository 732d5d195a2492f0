import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layers of src/ and what each may import (docs/ARCHITECTURE.md). Lower layers never import
 * higher ones: core imports nothing of the domain, no module imports the registry, the seed or
 * the server, and only the server and main compose the whole.
 */
export type Layer = 'core' | 'domain' | 'registry' | 'seed' | 'server' | 'cli' | 'main';

export const ALLOWED: Readonly<Record<Layer, readonly Layer[]>> = {
  core: ['core'],
  domain: ['core', 'domain'],
  registry: ['core', 'domain'],
  seed: ['core', 'domain', 'registry', 'seed'],
  server: ['core', 'domain', 'registry', 'server'],
  // The command-line tool (src/cli/) composes like main, without the server.
  cli: ['core', 'domain', 'registry', 'seed', 'cli'],
  main: ['core', 'domain', 'registry', 'seed', 'server'],
};

export function layerOf(file: string): Layer {
  const [top] = file.split('/');
  if (file === 'main.ts') return 'main';
  if (file === 'modules.ts') return 'registry';
  if (top === 'core' || top === 'seed' || top === 'server' || top === 'cli') return top;
  return 'domain';
}

export function sourceFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return sourceFiles(root, rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** Relative imports of a file (type-only ones included), resolved to paths under root. */
export function importsOf(root: string, file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => `${path.posix.normalize(path.posix.join(path.posix.dirname(file), name))}.ts`);
}

export interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: string;
}

/** Every import that breaks the layering, or reaches another module's resolver. */
export function violations(root: string, layer: (file: string) => Layer = layerOf): Violation[] {
  const out: Violation[] = [];
  for (const from of sourceFiles(root).filter((f) => !f.endsWith('.spec.ts'))) {
    for (const to of importsOf(root, from)) {
      if (!ALLOWED[layer(from)].includes(layer(to)))
        out.push({ from, to, rule: `${layer(from)} may not import ${layer(to)}` });
      const ownModule =
        path.posix.dirname(to) === path.posix.dirname(from) && from.endsWith('.module.ts');
      if (to.endsWith('.resolver.ts') && layer(from) === 'domain' && !ownModule)
        out.push({ from, to, rule: 'only a module file imports a resolver, its own' });
    }
  }
  return out;
}

export interface Size {
  readonly file: string;
  readonly name: string;
  readonly lines: number;
}

const lineSpan = (sf: ts.SourceFile, node: ts.Node) =>
  sf.getLineAndCharacterOfPosition(node.getEnd()).line -
  sf.getLineAndCharacterOfPosition(node.getStart(sf)).line +
  1;

/** Every function, method, arrow function and accessor in the tree, with its length in lines. */
export function functionSizes(root: string): Size[] {
  const out: Size[] = [];
  for (const file of sourceFiles(root)) {
    const sf = ts.createSourceFile(
      file,
      readFileSync(path.join(root, file), 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
    );
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const name =
          'name' in node && node.name && ts.isIdentifier(node.name)
            ? node.name.text
            : `<anonymous at line ${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}>`;
        out.push({ file, name, lines: lineSpan(sf, node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

export const fileSizes = (root: string): Size[] =>
  sourceFiles(root).map((file) => ({
    file,
    name: file,
    lines: readFileSync(path.join(root, file), 'utf8').trimEnd().split('\n').length,
  }));

/** The roles the README's table lists (the rows after its `roles` marker). */
export function listedRoles(readme: string): Set<string> {
  const table = readme.split('<!-- roles:')[1] ?? '';
  const rows = table.split('\n\n')[0]!.split('\n');
  return new Set(rows.flatMap((row) => /^\| `([a-z]+)` \|/.exec(row)?.slice(1) ?? []));
}

/** The role a file name claims: the word before the extension after a dot (`x.resolver.ts`). */
export function roleOf(file: string): string | null {
  const parts = path
    .basename(file)
    .replace(/\.d\.ts$|\.tsx?$/, '')
    .split('.');
  if (parts.length < 2) return null;
  return parts.at(-1) === 'spec' || parts.at(-1) === 'test'
    ? parts.length > 2
      ? parts.at(-2)!
      : parts.at(-1)!
    : parts.at(-1)!;
}

/** Import circles of src/, type-only imports included: the files of each circle, sorted. */
export function importCircles(root: string): string[][] {
  const files = sourceFiles(root);
  const graph = new Map(files.map((f) => [f, importsOf(root, f)]));
  // Tarjan's strongly connected components; one of more than one file is a circle.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) visit(w);
      if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, low.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = stack.splice(stack.indexOf(v));
    if (component.length > 1) circles.push(component.sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return circles;
}
