import { MaxLength } from 'class-validator';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../core/connection.type';
import { graphqlEnum } from '../core/graphql-enum';
import { FACT_TYPES, type FactType as FT } from './editing-facts';
import { FactInput } from './fact-input.type';

export const FactType = graphqlEnum(
  'FactType',
  FACT_TYPES,
  "A kind of fact editors write, in the seed files' format (seed/FORMAT.md).",
);
export type FactType = FT;

export const CHANGE_STATUSES = [
  'DRAFT',
  'IN_REVIEW',
  'PUBLISHED',
  'RETRACTED',
  'WITHDRAWN',
] as const;
export const ChangeStatus = graphqlEnum(
  'ChangeStatus',
  CHANGE_STATUSES,
  'Where a proposal stands: an editor drafts and submits; a reviewer publishes (the fact enters ' +
    'the public graph) or returns it to draft; a published fact can be RETRACTED, kept, with a ' +
    'reason; an open change can be WITHDRAWN, with a reason, by its proposer or a reviewer (an ' +
    'update is withdrawn by itself when its fact is retracted).',
);
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const ChangeOperation = graphqlEnum(
  'ChangeOperation',
  ['CREATE', 'UPDATE', 'RETRACT'] as const,
  'What publishing the change does to its fact.',
);
export type ChangeOperation = keyof typeof ChangeOperation;

@ObjectType({
  description: 'Something that happened to a change: who, when, from which state to which.',
})
export class ChangeEvent {
  @Field(() => GraphQLDateTime, { description: 'When it happened.' })
  at!: string;

  @Field({ description: 'The name of the API key that acted.' })
  by!: string;

  @Field({
    description:
      'CREATE, REVISE, SUBMIT, PUBLISH, RETURN, RETRACT, WITHDRAW, or CLOSE (an update ' +
      'withdrawn when its fact was retracted).',
  })
  action!: string;

  @Field(() => ChangeStatus, {
    nullable: true,
    description: 'The state before (null when the change was created).',
  })
  from!: ChangeStatus | null;

  @Field(() => ChangeStatus, { description: 'The state after.' })
  to!: ChangeStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The reason given (for a return or a retraction).',
  })
  reason!: string | null;

  @Field(() => Int, { description: "The change's version after the event." })
  version!: number;
}

@ObjectType({
  description:
    'A proposed, published or retracted change to one fact, with its review history. Visible to ' +
    'editors only.',
})
export class Change {
  @Field(() => ID, { description: "The change's id." })
  id!: string;

  @Field(() => FactType, { description: 'The kind of fact it is about.' })
  factType!: FactType;

  @Field({ description: "The fact's key: a slug, an id, or from>to for a lineage link." })
  factKey!: string;

  @Field(() => ChangeOperation, {
    description: 'Whether publishing it creates, updates or retracts the fact.',
  })
  operation!: ChangeOperation;

  @Field(() => ChangeStatus, { description: 'Where it stands in review.' })
  status!: ChangeStatus;

  @Field(() => Int, {
    description:
      'Bumped by every event; give it back to act on the change (a stale one is refused with ' +
      'CONFLICT).',
  })
  version!: number;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The fact as proposed, in the seed files' format.",
  })
  fact!: Record<string, unknown> | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'For an update: the version of the fact it was based on; publishing refuses it if the ' +
      'fact has moved on.',
  })
  baseVersion!: number | null;

  @Field({ description: 'The name of the API key that proposed it.' })
  createdBy!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was proposed.' })
  createdAt!: string;

  @Field(() => GraphQLDateTime, { description: 'When it last moved.' })
  updatedAt!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The reason given when it was returned, retracted or withdrawn.',
  })
  reason!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "The drafter's confidence in it, 0 to 1 (null for a change not drafted).",
  })
  confidence!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The drafter's reason for it, for the editor (null for a change not drafted).",
  })
  draftReason!: string | null;

  /** The set it belongs to (resolved by change-set.resolver.ts). */
  setId!: string | null;
}

export const ChangeConnection = ConnectionType(Change, 'Change');

@InputType({ description: 'A fact proposed for review.' })
export class ProposeFactInput {
  @Field(() => FactType, { description: 'The kind of fact.' })
  type!: FactType;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The whole fact, as a seed file would hold it (an update gives the whole new state). ' +
      'Give this or `input`.',
  })
  fact?: Record<string, unknown> | null;

  @Field(() => FactInput, {
    nullable: true,
    description: 'The whole fact in typed fields. Give this or `fact`.',
  })
  input?: FactInput | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The change set to propose it into: it may rest on the set's other facts, and is " +
      'published with them.',
  })
  changeSet?: string | null;

  @MaxLength(100)
  @Field(() => String, {
    nullable: true,
    description:
      'A client-chosen id: retrying with the same one returns the same change instead of a ' +
      'second one.',
  })
  clientMutationId?: string | null;
}
