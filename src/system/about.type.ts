import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The database behind the API.' })
export class DatabaseInfo {
  @Field({ description: 'Neo4j edition, e.g. community or enterprise.' })
  edition!: string;

  @Field({ description: 'Neo4j version, e.g. 5.26.30.' })
  version!: string;
}

@ObjectType({ description: 'What this service is and what it runs on.' })
export class About {
  @Field({ description: 'Service name.' })
  name!: string;

  @Field({ description: 'Service version (package.json).' })
  version!: string;

  @Field(() => DatabaseInfo, { description: 'The Neo4j server answering this request.' })
  database!: DatabaseInfo;
}
