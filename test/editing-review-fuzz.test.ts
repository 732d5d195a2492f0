import fc from 'fast-check';
import {
  cleanEditing,
  codeOf,
  type Editors,
  editorsOf,
  type Step,
  STEP,
  type Who,
} from './support/editing';
import { startTestServer, type TestServer } from './support/harness';

/**
 * A model-based test of review (fast-check commands): after a proposal, random steps — revise,
 * submit, publish, return, retract, withdraw, and new proposals — with the right, a stale or a
 * random version, by an editor, a reviewer or no one. A small model predicts each answer (the new
 * state and version, a retry of a step already taken answered with the change, CONFLICT, NOT_FOUND,
 * FORBIDDEN, UNAUTHENTICATED, BAD_USER_INPUT; an update open when its fact is retracted is
 * withdrawn with it); after every step
 * the public graph shows the fact exactly while it is published, and factHistory lists every
 * step that succeeded, in order. No answer is a 5xx or an unmasked error.
 */

type Kind = 'propose' | 'revise' | 'submit' | 'publish' | 'return' | 'retract' | 'withdraw';
type Status = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'RETRACTED' | 'WITHDRAWN';

/** A step taken: by whom, and the change's version after it (a retry gives the version before). */
interface Taken {
  action: string;
  by: Who;
  next: number;
}
/** One change as the model sees it; retractions are changes too (RETRACT, born RETRACTED). */
interface Entry {
  id: string;
  op: 'CREATE' | 'UPDATE' | 'RETRACT';
  status: Status;
  version: number;
  base: number | null;
  name: string;
  events: string[];
  by: Who;
  taken: Taken[];
}
interface Model {
  key: string;
  entries: Entry[];
  fact: { version: number; name: string } | null;
  retracted: boolean;
  names: number;
}
interface Real {
  e: Editors;
  tally: Record<string, number>;
}

/** What a command does to a change: from which states, to which, as which event. */
const MOVES: Record<
  'revise' | 'submit' | 'publish' | 'return' | 'withdraw',
  { from: Status[]; to: Status; action: string; mutation: string }
> = {
  revise: { from: ['DRAFT'], to: 'DRAFT', action: 'REVISE', mutation: 'reviseChange' },
  submit: { from: ['DRAFT'], to: 'IN_REVIEW', action: 'SUBMIT', mutation: 'submitChange' },
  publish: { from: ['IN_REVIEW'], to: 'PUBLISHED', action: 'PUBLISH', mutation: 'publishChange' },
  return: { from: ['IN_REVIEW'], to: 'DRAFT', action: 'RETURN', mutation: 'returnChange' },
  withdraw: {
    from: ['DRAFT', 'IN_REVIEW'],
    to: 'WITHDRAWN',
    action: 'WITHDRAW',
    mutation: 'withdrawChange',
  },
};
const REVIEWER_ONLY = new Set<Kind>(['publish', 'return', 'retract']);

interface Choice {
  kind: Kind;
  who: Who;
  /** right: the current version; stale: one off; random: any, 0 and negatives included. */
  pick: 'right' | 'stale' | 'random';
  random: number;
  target: 'latest' | 'first' | 'unknown';
  /** A flaw of the input: a revision with another key, a blank reason. */
  flawed: boolean;
}

const versionOf = (c: Choice, current: number) =>
  c.pick === 'right'
    ? current
    : c.pick === 'stale'
      ? current > 1
        ? current - 1
        : current + 1
      : c.random;
const changes = (m: Model) => m.entries.filter((x) => x.op !== 'RETRACT');
const openChange = (m: Model) =>
  changes(m).find((x) => x.status === 'DRAFT' || x.status === 'IN_REVIEW');
const principle = (key: string, name: number) => ({
  slug: key,
  name: `审查原则${name}`,
  nameEn: `Review principle ${name}`,
  kind: 'MEASURE',
});

/**
 * The answer the model expects: OK, REPEAT (a step this caller already took at that version: OK
 * with the change as it is, nothing done again), or the error code, in the order the API checks
 * (caller, role, arguments, change, state or repeat, permission, fact).
 */
function expected(m: Model, c: Choice, target: Entry | undefined, version: number): string {
  if (c.who === null) return 'UNAUTHENTICATED';
  if (REVIEWER_ONLY.has(c.kind) && c.who === 'editor') return 'FORBIDDEN';
  if (c.kind === 'propose') return openChange(m) ? 'CONFLICT' : 'OK';
  if (c.kind === 'retract') {
    if (c.flawed) return 'BAD_USER_INPUT';
    if (
      m.fact?.version !== version &&
      m.entries.some((x) => x.op === 'RETRACT' && x.base === version && x.by === c.who)
    )
      return 'REPEAT';
    if (!m.fact) return m.retracted ? 'CONFLICT' : 'NOT_FOUND';
    return version === m.fact.version ? 'OK' : 'CONFLICT';
  }
  if (version < 1 || ((c.kind === 'return' || c.kind === 'withdraw') && c.flawed))
    return 'BAD_USER_INPUT';
  if (!target) return 'NOT_FOUND';
  const move = MOVES[c.kind];
  if (version !== target.version || !move.from.includes(target.status)) {
    return target.taken.some(
      (t) => t.action === move.action && t.by === c.who && t.next === version + 1,
    )
      ? 'REPEAT'
      : 'CONFLICT';
  }
  if (c.kind === 'withdraw' && target.by !== c.who && c.who !== 'reviewer') return 'FORBIDDEN';
  if (c.kind === 'revise' && c.flawed) return 'BAD_USER_INPUT';
  if (
    c.kind === 'publish' &&
    (target.op === 'CREATE' ? m.fact !== null : m.fact?.version !== target.base)
  )
    return 'CONFLICT';
  return 'OK';
}

/** The model after a step that succeeded (not a repeat, which changes nothing). */
function apply(m: Model, c: Choice, target: Entry | undefined, answer: Step, name: number): void {
  if (c.kind === 'propose') {
    m.entries.push({
      id: answer.id,
      op: m.fact ? 'UPDATE' : 'CREATE',
      status: 'DRAFT',
      version: 1,
      base: m.fact?.version ?? null,
      name: principle(m.key, name).name,
      events: ['CREATE>DRAFT'],
      by: c.who,
      taken: [],
    });
  } else if (c.kind === 'retract') {
    // An update still open can never be published now: it is withdrawn with the retraction.
    const orphan = openChange(m);
    if (orphan?.op === 'UPDATE')
      Object.assign(orphan, {
        status: 'WITHDRAWN',
        version: orphan.version + 1,
        events: [...orphan.events, 'CLOSE>WITHDRAWN'],
      });
    m.entries.push({
      id: answer.id,
      op: 'RETRACT',
      status: 'RETRACTED',
      version: 1,
      base: m.fact!.version,
      name: '',
      events: ['RETRACT>RETRACTED'],
      by: c.who,
      taken: [],
    });
    [m.fact, m.retracted] = [null, true];
  } else {
    const move = MOVES[c.kind];
    target!.taken.push({ action: move.action, by: c.who, next: target!.version + 1 });
    Object.assign(target!, { status: move.to, version: target!.version + 1 });
    target!.events.push(`${move.action}>${move.to}`);
    if (c.kind === 'revise') target!.name = principle(m.key, name).name;
    if (c.kind === 'publish') m.fact = { version: (m.fact?.version ?? 0) + 1, name: target!.name };
  }
}

/** Sends the command's mutation. */
function send(
  r: Real,
  m: Model,
  c: Choice,
  target: Entry | undefined,
  version: number,
  name: number,
) {
  const id = c.target === 'unknown' || !target ? '00000000-0000-4000-8000-000000000000' : target.id;
  const reason = c.flawed ? '   ' : '模糊测试';
  switch (c.kind) {
    case 'propose':
      return r.e.as<Record<string, Step>>(
        c.who,
        `mutation($f: JSONObject!) { proposeFact(input: { type: PRINCIPLE, fact: $f }) { ${STEP} } }`,
        { f: principle(m.key, name) },
      );
    case 'revise':
      return r.e.as<Record<string, Step>>(
        c.who,
        `mutation($id: ID!, $v: Int!, $f: JSONObject!) { reviseChange(id: $id, version: $v, fact: $f) { ${STEP} } }`,
        {
          id,
          v: version,
          f: principle(c.flawed ? `${m.key}-other` : m.key, name),
        },
      );
    case 'return':
    case 'withdraw':
      return r.e.as<Record<string, Step>>(
        c.who,
        `mutation($id: ID!, $v: Int!, $r: String!) { ${MOVES[c.kind].mutation}(id: $id, version: $v, reason: $r) { ${STEP} } }`,
        { id, v: version, r: reason },
      );
    case 'retract':
      return r.e.as<Record<string, Step>>(
        c.who,
        `mutation($k: String!, $v: Int!, $r: String!) { retractFact(type: PRINCIPLE, key: $k, version: $v, reason: $r) { ${STEP} } }`,
        { k: m.key, v: version, r: reason },
      );
    default:
      return r.e.as<Record<string, Step>>(
        c.who,
        `mutation($id: ID!, $v: Int!) { ${MOVES[c.kind].mutation}(id: $id, version: $v) { ${STEP} } }`,
        { id, v: version },
      );
  }
}

/** The public graph and the editors' history agree with the model. */
async function agree(r: Real, m: Model): Promise<void> {
  const shown = await r.e.as<{ principle: { name: string } | null; node: { id: string } | null }>(
    null,
    'query($k: String!, $id: ID!) { principle(slug: $k) { name } node(id: $id) { id } }',
    { k: m.key, id: `Principle:${m.key}` },
  );
  expect(shown.errors).toBeUndefined();
  expect(shown.data).toEqual({
    principle: m.fact ? { name: m.fact.name } : null,
    node: m.fact ? { id: `Principle:${m.key}` } : null,
  });
  const seen = await r.e.as<{
    factVersion: number | null;
    factHistory: Array<Step & { events: Array<{ action: string; to: string }> }>;
  }>(
    'editor',
    `query($k: String!) { factVersion(type: PRINCIPLE, key: $k) factHistory(type: PRINCIPLE, key: $k) { ${STEP} events { action to } } }`,
    { k: m.key },
  );
  expect(seen.errors).toBeUndefined();
  expect(seen.data!.factVersion).toBe(m.fact?.version ?? null);
  const history = seen.data!.factHistory.map((x) => ({
    id: x.id,
    op: x.operation,
    status: x.status,
    version: x.version,
    events: x.events.map((v) => `${v.action}>${v.to}`),
  }));
  expect(history).toEqual(
    [...m.entries]
      .reverse()
      .map(({ id, op, status, version, events }) => ({ id, op, status, version, events })),
  );
}

class ReviewStep implements fc.AsyncCommand<Model, Real> {
  constructor(readonly c: Choice) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const target =
      this.c.target === 'unknown'
        ? undefined
        : this.c.target === 'first'
          ? changes(m)[0]
          : changes(m).at(-1);
    const version = versionOf(
      this.c,
      this.c.kind === 'retract' ? (m.fact?.version ?? 1) : (target?.version ?? 1),
    );
    const name = (m.names += 1);
    const want = expected(m, this.c, target, version);
    const orphaned = this.c.kind === 'retract' && want === 'OK' && openChange(m)?.op === 'UPDATE';
    const res = await send(r, m, this.c, target, version, name);
    const got = codeOf(res);
    const outcome = got === 'OK' && want === 'REPEAT' ? 'REPEAT' : got;
    r.tally[`${this.c.kind} ${outcome}`] = (r.tally[`${this.c.kind} ${outcome}`] ?? 0) + 1;
    if (orphaned && got === 'OK')
      r.tally['retract closing an update'] = (r.tally['retract closing an update'] ?? 0) + 1;
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    expect(`${this.c.kind} ${got}`).toBe(`${this.c.kind} ${want === 'REPEAT' ? 'OK' : want}`);
    if (got === 'OK') {
      const answer = Object.values(res.data!)[0]!;
      if (want !== 'REPEAT') apply(m, this.c, target, answer, name);
      const entry = m.entries.find((x) => x.id === answer.id)!;
      expect({
        status: answer.status,
        version: answer.version,
        operation: answer.operation,
      }).toEqual({ status: entry.status, version: entry.version, operation: entry.op });
    }
    await agree(r, m);
  }
  toString = () =>
    `${this.c.kind}(${this.c.who ?? 'anonymous'}, ${this.c.pick}${this.c.pick === 'random' ? ` ${this.c.random}` : ''}, ${this.c.target}${this.c.flawed ? ', flawed' : ''})`;
}

const weighted = <T>(...pairs: Array<[number, T]>) =>
  fc.oneof(...pairs.map(([weight, value]) => ({ weight, arbitrary: fc.constant(value) })));
const choice: fc.Arbitrary<Choice> = fc.record({
  kind: weighted<Kind>(
    [1, 'propose'],
    [2, 'revise'],
    [3, 'submit'],
    [3, 'publish'],
    [2, 'return'],
    [2, 'retract'],
    [1, 'withdraw'],
  ),
  who: weighted<Who>([6, 'reviewer'], [2, 'editor'], [1, null]),
  pick: weighted([8, 'right' as const], [2, 'stale' as const], [1, 'random' as const]),
  random: fc.integer({ min: -1, max: 12 }),
  target: weighted([10, 'latest' as const], [1, 'first' as const], [1, 'unknown' as const]),
  flawed: weighted([11, false], [1, true]),
});

/**
 * Where a run starts, reached by right steps after the proposal: so that short runs also reach
 * published facts and updates.
 */
const right = (kind: Kind): Choice => ({
  kind,
  who: 'reviewer',
  pick: 'right',
  random: 0,
  target: 'latest',
  flawed: false,
});
const STARTS = {
  draft: [],
  'in review': [right('submit')],
  published: [right('submit'), right('publish')],
  'update drafted': [right('submit'), right('publish'), right('propose')],
  retracted: [right('submit'), right('publish'), right('retract')],
} satisfies Record<string, Choice[]>;
type Start = keyof typeof STARTS;

describe('review under random steps (model-based)', () => {
  let server: TestServer;
  let e: Editors;
  const PREFIX = 'review-fuzz-';
  const SEED = Number(process.env.REVIEW_FUZZ_SEED ?? 20_240_610);

  beforeAll(async () => {
    server = await startTestServer(undefined, {
      WRITE_LIMIT_PER_KEY: '100000',
      WRITE_LIMIT_PER_ADDRESS: '100000',
    });
    e = await editorsOf(server, 'review-fuzz');
  });
  afterAll(async () => {
    await cleanEditing(server.executor, PREFIX);
    await e.close();
    await server.close();
  });

  it('answers every step as the model predicts, and shows the fact exactly while it is published', async () => {
    const tally: Record<string, number> = {};
    let runs = 0;
    const started = performance.now();
    // A fresh fact per run (the key carries the process and the run), proposed as a DRAFT, then
    // taken to its start by right steps.
    const setup = (start: Start) => async (): Promise<{ model: Model; real: Real }> => {
      runs += 1;
      const key = `${PREFIX}${process.pid}-${runs}`;
      const res = await e.as<{ proposeFact: Step }>(
        'editor',
        `mutation($f: JSONObject!) { proposeFact(input: { type: PRINCIPLE, fact: $f }) { ${STEP} } }`,
        { f: principle(key, 0) },
      );
      expect(res.errors).toBeUndefined();
      const entry: Entry = {
        id: res.data!.proposeFact.id,
        op: 'CREATE',
        status: 'DRAFT',
        version: 1,
        base: null,
        name: principle(key, 0).name,
        events: ['CREATE>DRAFT'],
        by: 'editor',
        taken: [],
      };
      const model: Model = { key, entries: [entry], fact: null, retracted: false, names: 0 };
      for (const c of STARTS[start]) await new ReviewStep(c).run(model, { e, tally: {} });
      return { model, real: { e, tally } };
    };
    console.log(`Review model run: fast-check seed ${SEED} (REVIEW_FUZZ_SEED=<n> replays another)`);
    const runsFrom: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(STARTS) as Start[])),
        fc.commands([choice.map((c) => new ReviewStep(c))], { maxCommands: 8, size: 'max' }),
        (start, cmds) => {
          runsFrom[start] = (runsFrom[start] ?? 0) + 1;
          return fc.asyncModelRun(setup(start), cmds);
        },
      ),
      { seed: SEED, numRuns: 50 },
    );
    const outcomes = Object.fromEntries(
      Object.entries(tally).sort(([a], [b]) => a.localeCompare(b)),
    );
    const steps = Object.values(tally).reduce((a, b) => a + b, 0);
    console.log(
      `Review model run: ${runs} runs (from ${JSON.stringify(runsFrom)}), ${steps} steps in ${((performance.now() - started) / 1000).toFixed(1)} s; outcomes ${JSON.stringify(outcomes)}`,
    );
    // The random steps themselves succeeded at every kind of step, not only failed.
    for (const kind of ['propose', 'revise', 'submit', 'publish', 'return', 'retract', 'withdraw'])
      expect(outcomes[`${kind} OK`] ?? 0).toBeGreaterThan(0);
    // Retries of steps that had taken effect answered with the change, and retractions withdrew
    // open updates.
    expect(Object.keys(outcomes).filter((k) => k.endsWith(' REPEAT')).length).toBeGreaterThan(0);
    expect(outcomes['retract closing an update'] ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
