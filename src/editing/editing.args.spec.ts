import 'reflect-metadata';
import { validate } from 'class-validator';
import { ChangeReasonArgs, MAX_REASON, RetractFactArgs } from './editing.args';

/**
 * The reason's bound, as type-graphql runs it before the resolver (a failure is BAD_USER_INPUT on
 * `reason`).
 */
const problems = async (args: ChangeReasonArgs | RetractFactArgs) =>
  (await validate(args)).map((e) => [e.property, Object.values(e.constraints ?? {})[0]]);

const reasoned = (reason: string) =>
  Object.assign(new ChangeReasonArgs(), { id: 'c1', version: 1, reason });

describe('editing arguments', () => {
  it('takes a reason of 1 to 2,000 characters once trimmed', async () => {
    expect(await problems(reasoned('  来源有误  '))).toEqual([]);
    expect(await problems(reasoned('x'.repeat(MAX_REASON)))).toEqual([]);
  });

  it('refuses a blank or overlong reason, naming the field', async () => {
    expect(await problems(reasoned('   '))).toEqual([['reason', 'reason must not be empty']]);
    expect(await problems(reasoned('x'.repeat(MAX_REASON + 1)))).toEqual([
      ['reason', 'reason must be at most 2000 characters'],
    ]);
  });

  it('bounds the reason of a retraction the same way', async () => {
    const args = Object.assign(new RetractFactArgs(), {
      type: 'PRINCIPLE',
      key: 'k',
      version: 1,
      reason: '',
    });
    expect(await problems(args)).toEqual([['reason', 'reason must not be empty']]);
  });
});
