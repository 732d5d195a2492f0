import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../core/connection.type';
import { graphqlEnum } from '../core/graphql-enum';

export const CHANGE_SET_STATUSES = ['OPEN', 'PUBLISHED', 'CLOSED'] as const;
export const ChangeSetStatus = graphqlEnum(
  'ChangeSetStatus',
  CHANGE_SET_STATUSES,
  'Where a change set stands: OPEN while its changes are drafted and reviewed, PUBLISHED once ' +
    'a reviewer published it whole, CLOSED when every change in it was withdrawn.',
);
export type ChangeSetStatus = (typeof CHANGE_SET_STATUSES)[number];

@ObjectType({ description: "How many of a set's changes stand where." })
export class ChangeSetCounts {
  @Field(() => Int, { description: 'Changes being drafted.' })
  draft!: number;

  @Field(() => Int, { description: 'Changes submitted for review.' })
  inReview!: number;

  @Field(() => Int, { description: 'Changes published.' })
  published!: number;

  @Field(() => Int, { description: 'Changes withdrawn.' })
  withdrawn!: number;
}

@ObjectType({
  description:
    "The changes one report's drafts became, reviewed together and published in one " +
    'transaction (all or none). Visible to editors only.',
})
export class ChangeSet {
  @Field(() => ID, { description: "The set's id." })
  id!: string;

  @Field({ description: 'What the set is: the report it was drafted from, as a title.' })
  title!: string;

  @Field(() => ChangeSetStatus, { description: 'Where it stands.' })
  status!: ChangeSetStatus;

  @Field(() => Int, {
    description:
      'Bumped whenever one of its changes moves; give it back to submit or publish the set (a ' +
      'stale one is refused with CONFLICT).',
  })
  version!: number;

  @Field({ description: 'The name of the API key that opened it.' })
  createdBy!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was opened.' })
  createdAt!: string;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was published.' })
  publishedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The id of the report's source (the key of its SOURCE change).",
  })
  sourceId!: string | null;

  @Field(() => [String], {
    description: 'What the drafter could not propose, in words for the editor.',
  })
  notes!: string[];
}

export const ChangeSetConnection = ConnectionType(ChangeSet, 'ChangeSet');
