import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/core/config';
import {
  fileSizes,
  functionSizes,
  importCircles,
  importsOf,
  layerOf,
  listedRoles,
  roleOf,
  sourceFiles,
  violations,
} from './support/architecture';

const SRC = path.join(PROJECT_ROOT, 'src');
const MAX_FILE_LINES = 250;
const MAX_FUNCTION_LINES = 60;

describe('the architecture of src/ (docs/ARCHITECTURE.md)', () => {
  it('has no import from a lower layer to a higher one, and no resolver importing another', () => {
    expect(violations(SRC).map((v) => `${v.from} → ${v.to}: ${v.rule}`)).toEqual([]);
  });

  it('catches a violation when there is one', () => {
    // The rule itself, on a made-up layering where the server counted as core.
    const found = violations(SRC, (f) => (f.startsWith('server/') ? 'core' : layerOf(f)));
    expect(
      found.some((v) => v.from.startsWith('server/') && v.rule.startsWith('core may not import')),
    ).toBe(true);
  });

  it('reads type-only imports too', () => {
    expect(importsOf(SRC, 'core/context.ts')).toContain('core/db/executor.ts');
  });

  it(`keeps files under ${MAX_FILE_LINES} lines and functions under ${MAX_FUNCTION_LINES}`, () => {
    expect(
      fileSizes(SRC)
        .filter((s) => s.lines > MAX_FILE_LINES)
        .map((s) => `${s.file}: ${s.lines} lines`),
    ).toEqual([]);
    // Test files beside the code are exempt from the function bound: a describe block is long by
    // nature.
    expect(
      functionSizes(SRC)
        .filter((s) => s.lines > MAX_FUNCTION_LINES && !s.file.endsWith('.spec.ts'))
        .map((s) => `${s.file} ${s.name}: ${s.lines} lines`),
    ).toEqual([]);
  });

  it('names each file by a role the README lists, or by no role', () => {
    const roles = listedRoles(readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8'));
    expect(roles.has('resolver') && roles.has('spec')).toBe(true);
    const dirs = ['src', 'web/src', 'scripts', 'bench', 'test'];
    const named = dirs.flatMap((d) =>
      sourceFiles(path.join(PROJECT_ROOT, d)).map((f) => `${d}/${f}`),
    );
    const unlisted = named.filter((f) => {
      const role = roleOf(f);
      return role !== null && !roles.has(role);
    });
    expect(unlisted).toEqual([]);
    expect(roles.has(roleOf('x/draft.types.ts')!)).toBe(false);
    expect(roleOf('x/region-names.spec.ts')).toBe('spec');
  });

  it('has one import circle, the one eslint.config.mjs names, even counting type-only imports', () => {
    expect(importCircles(SRC)).toEqual([
      ['observation/observation.plan.ts', 'practice/practice.plan.ts', 'region/region.plan.ts'],
    ]);
  });
});
