import type { DraftFolder, Proposal, Requirement } from '../draft/draft-folder';
import type { FactType } from '../editing/editing-facts';
import {
  type AnsweredChange,
  classifyAnswer,
  type DraftVocabulary,
  type Outcome,
  ProposeFailure,
  waitingReason,
} from './propose-classify';
import type { GqlAnswer, GraphqlClient } from './propose-client';

/**
 * `zhili propose`: each fact of a draft folder proposed through the API as a DRAFT change, in
 * dependency order. A fact already published or with an open change is left alone; one whose
 * references the graph does not hold yet waits, with the reasons; nothing is ever published.
 */

const STATE =
  'query($t: FactType!, $k: String!) { factVersion(type: $t, key: $k) factHistory(type: $t, ' +
  'key: $k) { id status } }';
const REGION = 'query($c: String!) { region(code: $c) { code } }';
const PROPOSE =
  'mutation($t: FactType!, $f: JSONObject!, $m: String) { proposeFact(input: { type: $t, fact: ' +
  '$f, clientMutationId: $m }) { id status version } }';

/** The kinds of fact a reference can name, published through review like the fact itself. */
const FACT_LABELS: Readonly<Record<string, FactType>> = {
  Source: 'SOURCE',
  Observation: 'OBSERVATION',
  GovernanceModel: 'MODEL',
  Principle: 'PRINCIPLE',
  Organization: 'ORGANIZATION',
  Practice: 'PRACTICE',
  Unit: 'UNIT',
  Indicator: 'INDICATOR',
};

function dataOf<T>(answer: GqlAnswer<T>, what: string): T {
  const error = answer.errors?.[0];
  if (error || !answer.data)
    throw new ProposeFailure(
      `${what} failed: ${error?.message ?? 'no data'}${error?.extensions?.code ? ` (${String(error.extensions.code)})` : ''}`,
    );
  return answer.data;
}

interface FactState {
  readonly version: number | null;
  readonly open: readonly AnsweredChange[];
}

/** What the graph holds, read through the API; a requirement is read once per run. */
class GraphState {
  private readonly known = new Map<string, Promise<boolean>>();

  constructor(private readonly client: GraphqlClient) {}

  async fact(type: FactType, key: string): Promise<FactState> {
    const data = dataOf(
      await this.client.request<{ factVersion: number | null; factHistory: AnsweredChange[] }>(
        STATE,
        { t: type, k: key },
      ),
      `reading ${type} ${key}`,
    );
    return {
      version: data.factVersion,
      open: data.factHistory.filter((c) => c.status === 'DRAFT' || c.status === 'IN_REVIEW'),
    };
  }

  has(req: Requirement): Promise<boolean> {
    const id = `${req.label}:${req.key}`;
    let answer = this.known.get(id);
    if (!answer) this.known.set(id, (answer = this.look(req)));
    return answer;
  }

  private async look({ label, key }: Requirement): Promise<boolean> {
    if (label === 'Region')
      return (
        dataOf(
          await this.client.request<{ region: unknown }>(REGION, { c: key }),
          `reading region ${key}`,
        ).region !== null
      );
    const type = FACT_LABELS[label];
    if (!type)
      throw new ProposeFailure(`a fact names a ${label}, which zhili propose cannot check`);
    return (await this.fact(type, key)).version !== null;
  }
}

async function proposeOne(
  client: GraphqlClient,
  graph: GraphState,
  vocabulary: DraftVocabulary,
  p: Proposal,
): Promise<Outcome> {
  const { type, key } = p;
  if (p.problems.length > 0)
    return {
      kind: 'refused',
      type,
      key,
      message: `the ${type} fact is not valid`,
      problems: p.problems,
    };
  const state = await graph.fact(type, key);
  if (state.version !== null) return { kind: 'published', type, key };
  if (state.open.length > 0) return { kind: 'open', type, key, changeId: state.open[0]!.id };
  const reasons: string[] = [];
  for (const req of p.requires)
    if (!(await graph.has(req))) reasons.push(waitingReason(req, vocabulary));
  if (reasons.length > 0) return { kind: 'waiting', type, key, reasons: [...new Set(reasons)] };
  const answer = await client.request<{ proposeFact: AnsweredChange | null }>(PROPOSE, {
    t: type,
    f: p.fact,
    m: p.clientMutationId,
  });
  return classifyAnswer(type, key, answer, new Set(state.open.map((c) => c.id)));
}

/**
 * Proposes the folder's facts one after another (each may need the one before); `seen` hears each
 * outcome as it comes.
 */
export async function proposeDraft(
  client: GraphqlClient,
  folder: DraftFolder,
  seen: (outcome: Outcome) => void = () => undefined,
): Promise<Outcome[]> {
  const graph = new GraphState(client);
  const outcomes: Outcome[] = [];
  for (const p of folder.proposals) {
    const outcome = await proposeOne(client, graph, folder, p);
    outcomes.push(outcome);
    seen(outcome);
  }
  return outcomes;
}
