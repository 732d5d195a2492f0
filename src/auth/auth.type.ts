import { Field, ID, ObjectType } from 'type-graphql';
import { ROLES, type Role as RoleValue } from '../core/context';
import { graphqlEnum } from '../core/graphql-enum';

export const Role = graphqlEnum(
  'Role',
  ROLES,
  'What an API key may do; each role may do what the ones before it may: EDITOR drafts, ' +
    'REVIEWER also publishes, ADMIN may do everything.',
);

@ObjectType({ description: 'The caller, as its bearer token identifies it.' })
export class Caller {
  @Field(() => ID, {
    description: 'The API key id (the part of the token after zk_ and before the secret).',
  })
  id!: string;

  @Field({ description: 'Whose key it is, as named when it was created.' })
  name!: string;

  @Field(() => Role, { description: 'What the key may do (EDITOR < REVIEWER < ADMIN).' })
  role!: RoleValue;
}
