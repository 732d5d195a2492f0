import {
  cleanEditing,
  codeOf,
  dataOf,
  type Editors,
  editorsOf,
  factHistory,
  propose,
  publishFact,
  retract,
  STEP,
  step,
} from './support/editing';
import { startTestServer, type TestServer } from './support/harness';

/**
 * No change can hold a fact for good: an open change is withdrawn by its proposer or a reviewer,
 * and an update left open when its fact is retracted is withdrawn with the retraction. Either way
 * the fact is free for a new proposal. A step repeated by the caller that took it answers with
 * the change instead of CONFLICT; the same step by someone else is still CONFLICT.
 */
describe('editing: withdrawn changes, orphaned updates and repeated steps', () => {
  let server: TestServer;
  let e: Editors;
  const PREFIX = 'withdraw-test-';
  const principle = (slug: string, n: number) => ({
    slug,
    name: `撤销原则${n}`,
    nameEn: `Withdrawal principle ${n}`,
    kind: 'MEASURE',
  });
  const withdraw = (who: 'editor' | 'reviewer', id: string, version: number, reason = '不再需要') =>
    e.as<{
      withdrawChange: { id: string; status: string; version: number; reason: string | null };
    }>(
      who,
      `mutation($id: ID!, $v: Int!, $r: String!) { withdrawChange(id: $id, version: $v, reason: $r) { ${STEP} } }`,
      { id, v: version, r: reason },
    );

  beforeAll(async () => {
    server = await startTestServer(undefined, {
      WRITE_LIMIT_PER_KEY: '1000',
      WRITE_LIMIT_PER_ADDRESS: '1000',
    });
    e = await editorsOf(server, 'withdraw-test');
  });
  afterAll(async () => {
    await cleanEditing(server.executor, PREFIX);
    await e.close();
    await server.close();
  });

  it('withdraws a draft by its proposer (not by another editor), keeps it in history, and frees the fact', async () => {
    const slug = `${PREFIX}draft`;
    const draft = dataOf(await propose(e, 'PRINCIPLE', principle(slug, 1))).proposeFact;
    // The reviewer proposed nothing here but may withdraw anything; an editor only their own.
    const byReviewer = await e.as<{ proposeFact: { id: string; version: number } }>(
      'reviewer',
      `mutation($f: JSONObject!) { proposeFact(input: { type: PRINCIPLE, fact: $f }) { ${STEP} } }`,
      { f: principle(`${PREFIX}reviewers`, 2) },
    );
    expect(codeOf(await withdraw('editor', dataOf(byReviewer).proposeFact.id, 1))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await withdraw('editor', draft.id, 1, '   '))).toBe('BAD_USER_INPUT');
    const withdrawn = dataOf(await withdraw('editor', draft.id, 1)).withdrawChange;
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', version: 2, reason: '不再需要' });
    // Again by the same caller at the same version: the change as it is, not CONFLICT.
    expect(dataOf(await withdraw('editor', draft.id, 1)).withdrawChange).toMatchObject({
      id: draft.id,
      status: 'WITHDRAWN',
      version: 2,
    });
    expect(codeOf(await withdraw('reviewer', draft.id, 1))).toBe('CONFLICT');
    const again = dataOf(await propose(e, 'PRINCIPLE', principle(slug, 3))).proposeFact;
    expect(again).toMatchObject({ status: 'DRAFT', operation: 'CREATE' });
    expect(
      (await factHistory(e, 'PRINCIPLE', slug)).map((c) => [
        c.status,
        c.events.map((v) => v.action).join(' '),
      ]),
    ).toEqual([
      ['DRAFT', 'CREATE'],
      ['WITHDRAWN', 'CREATE WITHDRAW'],
    ]);
  });

  it('withdraws an update left open when its fact is retracted, saying why, and frees the fact', async () => {
    const slug = `${PREFIX}orphan`;
    await publishFact(e, 'PRINCIPLE', principle(slug, 1));
    const update = dataOf(await propose(e, 'PRINCIPLE', principle(slug, 2))).proposeFact;
    expect(update.operation).toBe('UPDATE');
    dataOf(await retract(e, 'reviewer', 'PRINCIPLE', slug, 1, '来源有误'));
    const history = await factHistory(e, 'PRINCIPLE', slug);
    const closed = history.find((c) => c.id === update.id)!;
    expect(closed).toMatchObject({
      status: 'WITHDRAWN',
      version: 2,
      reason: 'the fact it updates was retracted: 来源有误',
    });
    expect(closed.events.map((v) => `${v.action}>${v.to}`)).toEqual([
      'CREATE>DRAFT',
      'CLOSE>WITHDRAWN',
    ]);
    // The fact is open for a new proposal, which creates it anew.
    expect(dataOf(await propose(e, 'PRINCIPLE', principle(slug, 3))).proposeFact).toMatchObject({
      status: 'DRAFT',
      operation: 'CREATE',
    });
  });

  it('answers a repeated step, submit, publish or retraction, with its outcome for the caller that took it', async () => {
    const slug = `${PREFIX}repeat`;
    const draft = dataOf(await propose(e, 'PRINCIPLE', principle(slug, 1))).proposeFact;
    // The same proposal again, with no clientMutationId: the same change.
    expect(dataOf(await propose(e, 'PRINCIPLE', principle(slug, 1))).proposeFact.id).toBe(draft.id);
    const submitted = dataOf(await step(e, 'editor', 'submitChange', draft.id, 1)).submitChange!;
    expect(dataOf(await step(e, 'editor', 'submitChange', draft.id, 1)).submitChange).toEqual(
      submitted,
    );
    expect(codeOf(await step(e, 'reviewer', 'submitChange', draft.id, 1))).toBe('CONFLICT');
    const published = dataOf(
      await step(e, 'reviewer', 'publishChange', draft.id, 2),
    ).publishChange!;
    expect(dataOf(await step(e, 'reviewer', 'publishChange', draft.id, 2)).publishChange).toEqual(
      published,
    );
    const retraction = dataOf(await retract(e, 'reviewer', 'PRINCIPLE', slug, 1)).retractFact;
    expect(dataOf(await retract(e, 'reviewer', 'PRINCIPLE', slug, 1)).retractFact).toEqual(
      retraction,
    );
    const history = await factHistory(e, 'PRINCIPLE', slug);
    expect(history.map((c) => c.operation)).toEqual(['RETRACT', 'CREATE']);
    expect(history[1]!.events.map((v) => v.action)).toEqual(['CREATE', 'SUBMIT', 'PUBLISH']);
  });
});
