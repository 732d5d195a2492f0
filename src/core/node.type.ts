import { Field, ID, InterfaceType } from 'type-graphql';

/** Records carry their GraphQL type name, so `Node` resolves without instanceof checks. */
export interface Typed {
  readonly __typename: string;
}

@InterfaceType({
  description:
    'An object with a global id that `node(id:)` resolves. Ids look like `Region:530103`; treat ' +
    'them as opaque.',
  resolveType: (value: Typed) => value.__typename,
})
export abstract class Node implements Typed {
  @Field(() => ID, { description: 'Global id.' })
  id!: string;

  /** The GraphQL type name (not a field): how `Node` resolves a record's type. */
  __typename!: string;
}
