import type { ResolveTree } from 'graphql-parse-resolve-info';
import type { TypePlan } from '../src/core/plan';

/**
 * region.plan, practice.plan and observation.plan import each other (the one import circle
 * eslint.config.mjs allows). It is safe because a plan reaches another only through a thunk
 * (`() => RegionPlan`) called when a statement is compiled, after all three have loaded. Whichever
 * of the three a process loads first, every cross-plan relation must compile.
 */
const PLANS = [
  '../src/region/region.plan',
  '../src/practice/practice.plan',
  '../src/observation/observation.plan',
] as const;

const leaf = (name: string): ResolveTree => ({ name, alias: name, args: {}, fieldsByTypeName: {} });
const tree = (name: string, typeName: string, fields: string[]): ResolveTree => ({
  ...leaf(name),
  fieldsByTypeName: { [typeName]: Object.fromEntries(fields.map((f) => [f, leaf(f)])) },
});

describe('the circle between the region, practice and observation plans', () => {
  it.each(PLANS)('compiles every cross-plan relation when %s loads first', async (first) => {
    await jest.isolateModulesAsync(async () => {
      await import(first);
      const { RegionPlan } = await import('../src/region/region.plan');
      const { PracticePlan } = await import('../src/practice/practice.plan');
      const { ObservationPlan } = await import('../src/observation/observation.plan');
      const { Statement } = await import('../src/core/plan');
      const compile = (plan: TypePlan<object>, field: string, target: string) =>
        plan.relations[field]!.compile('n', tree(field, target, ['code', 'name']), new Statement());
      expect(compile(PracticePlan, 'region', 'Region')).toMatch(/:Region\)/);
      expect(compile(ObservationPlan, 'region', 'Region')).toMatch(/:Region\)/);
      expect(compile(ObservationPlan, 'practice', 'Practice')).toMatch(/:Practice\)/);
      expect(compile(RegionPlan, 'parent', 'Region')).toMatch(/\.name/);
    });
  });
});
