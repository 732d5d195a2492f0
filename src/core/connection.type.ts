import { GraphQLNonNegativeInt } from 'graphql-scalars';
import { type ClassType, Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

/** A Relay connection type for `Node` named `${name}Connection`, with `${name}Edge`. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge to a ${name}.` })
  class Edge {
    @Field(() => node, { description: `The ${name}.` })
    node!: T;

    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo!: PageInfo;

    @Field(() => GraphQLNonNegativeInt, {
      description: 'How many items match in all, across pages.',
    })
    totalCount!: number;
  }
  return Connection;
}
