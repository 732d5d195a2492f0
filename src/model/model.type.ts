import { Field, Int, ObjectType } from 'type-graphql';
import { Provenance } from '../citation/citation.type';
import { ConnectionType } from '../core/connection.type';
import { graphqlEnum } from '../core/graphql-enum';
import { Node } from '../core/node.type';
import { PartialDate } from '../core/partial-date.type';
import {
  type ModelKind as Kind,
  LINEAGE_RELATIONS,
  MODEL_KINDS,
  type LineageRelation as Relation,
} from '../core/vocabulary';
import { PracticeStatus } from '../practice/practice-enums';
import { Principle } from '../principle/principle.type';
import { Region } from '../region/region.type';

export const ModelKind = graphqlEnum(
  'ModelKind',
  MODEL_KINDS,
  'Model (模式), experience (经验), mechanism (机制/制度), programme (工程/创建) or platform (平台/中心).',
);
export type ModelKind = Kind;

export const LineageRelation = graphqlEnum(
  'LineageRelation',
  LINEAGE_RELATIONS,
  'How a model derives from another.',
);
export type LineageRelation = Relation;

@ObjectType({
  implements: Node,
  description: 'A named governance model, experience, mechanism, programme or platform.',
})
export class GovernanceModel extends Node {
  @Field({ description: 'Stable key, e.g. fengqiao-experience.' })
  slug!: string;

  @Field({ description: 'Chinese name, e.g. 枫桥经验.' })
  name!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;

  @Field({ description: 'Hanyu pinyin with tone marks.' })
  pinyin!: string;

  @Field(() => [String], { description: 'Other names.' })
  aliases!: string[];

  @Field(() => ModelKind, { description: 'What sort of model it is.' })
  kind!: ModelKind;

  @Field(() => String, { nullable: true, description: 'Summary in Chinese.' })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'Summary in English.' })
  summaryEn!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False when the source lists only examples of its components (…等).',
  })
  principlesComplete!: boolean | null;

  @Field(() => Provenance, {
    description: 'Its provenance: quotes, or the editorial basis for a model no source names.',
  })
  provenance!: Provenance;
}

@ObjectType({ description: 'One component of a model, in the order its source lists them.' })
export class ModelComponent {
  @Field(() => Principle, { description: 'The component.' })
  principle!: Principle;

  @Field(() => Int, { description: "Position in the source's list, from 1." })
  order!: number;

  @Field(() => String, {
    nullable: true,
    description: 'E.g. named in the detail but not in the heading list.',
  })
  note!: string | null;

  @Field(() => Provenance, { description: 'Where the source lists it.' })
  provenance!: Provenance;
}

@ObjectType({ description: 'Where and when a model began.' })
export class ModelOrigin {
  @Field(() => Region, { nullable: true, description: 'Where it began.' })
  region!: Region | null;

  @Field(() => Int, { nullable: true, description: 'The year it began.' })
  year!: number | null;

  @Field(() => Provenance, { description: 'Quote or editorial basis.' })
  provenance!: Provenance;
}

@ObjectType({
  description:
    'A lineage edge seen from one model: the model at the other end and how they relate.',
})
export class LineageLink {
  @Field(() => GovernanceModel, {
    description: 'The parent (for `parents`) or the child (for `children`).',
  })
  model!: GovernanceModel;

  @Field(() => LineageRelation, { description: 'How the child derives from the parent.' })
  relation!: LineageRelation;

  @Field(() => Int, { nullable: true, description: 'Year the derivation is dated to, if known.' })
  since!: number | null;

  @Field(() => String, { nullable: true, description: 'Further note.' })
  note!: string | null;

  @Field(() => Provenance, { description: 'Quote or editorial basis.' })
  provenance!: Provenance;
}

@ObjectType({
  description: 'One adoption of a model: a practice in a region, for diffusion timelines.',
})
export class Adoption {
  @Field(() => Region, { description: 'Where.' })
  region!: Region;

  @Field(() => PracticeStatus, { description: 'How far it has gone there.' })
  status!: PracticeStatus;

  @Field(() => PartialDate, {
    nullable: true,
    description: 'When it started, at the precision the source gives.',
  })
  started!: PartialDate | null;

  /** Key of the adopting practice (`practice` resolves it). */
  practiceKey!: string;
}

export const GovernanceModelConnection = ConnectionType(GovernanceModel, 'GovernanceModel');
