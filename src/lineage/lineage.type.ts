import { Field, Int, ObjectType } from 'type-graphql';
import { Provenance } from '../citation/citation.type';
import { graphqlEnum } from '../core/graphql-enum';
import { GovernanceModel, LineageRelation } from '../model/model.type';

export const LineageDirection = graphqlEnum(
  'LineageDirection',
  ['UPSTREAM', 'DOWNSTREAM', 'BOTH'],
  'UPSTREAM: what a model derives from; DOWNSTREAM: what derives from it.',
);
export type LineageDirection = keyof typeof LineageDirection;

@ObjectType({
  description: 'One derivation: `from` derives from `to` (the DERIVED_FROM direction).',
})
export class LineageEdge {
  @Field(() => GovernanceModel, { description: 'The derived model.' })
  from!: GovernanceModel;

  @Field(() => GovernanceModel, { description: 'The model it derives from.' })
  to!: GovernanceModel;

  @Field(() => LineageRelation, { description: 'How `from` derives from `to`.' })
  relation!: LineageRelation;

  @Field(() => Int, { nullable: true, description: 'Year the derivation is dated to, if known.' })
  since!: number | null;

  @Field(() => Provenance, {
    description: 'Quote, or the editorial basis where no source states it.',
  })
  provenance!: Provenance;
}

@ObjectType({ description: 'The lineage graph around a model.' })
export class Lineage {
  @Field(() => GovernanceModel, { description: 'The model asked about.' })
  root!: GovernanceModel;

  @Field(() => [GovernanceModel], { description: 'Every model in the graph, the root included.' })
  nodes!: GovernanceModel[];

  @Field(() => [LineageEdge], { description: 'Every derivation in the graph.' })
  edges!: LineageEdge[];

  @Field({
    description:
      'The same graph as a Mermaid flowchart (origins on top, arrows from a model to what ' +
      'derives from it; dashed = editorial).',
  })
  mermaid!: string;
}
