import { Field, ObjectType } from 'type-graphql';
import { Node } from '../core/node.type';
import { ORGANIZATION_KINDS } from '../core/vocabulary';

@ObjectType({
  implements: Node,
  description:
    'A court, company, university, committee, team or group of people … that takes part in ' +
    'practices.',
})
export class Organization extends Node {
  @Field({ description: 'Stable key.' })
  key!: string;

  @Field({ description: 'Chinese name.' })
  name!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;

  @Field({
    description: `${ORGANIZATION_KINDS.slice(0, -1).join(', ')} or ${ORGANIZATION_KINDS.at(-1)}. TEAM and VOLUNTEER_GROUP are groups of people (快审团队, 红袖标治安志愿者).`,
  })
  kind!: string;

  /** Code of the region it is in (`region` resolves it). */
  regionCode!: string | null;
  citationIds!: string[];
}

@ObjectType({ description: 'A position a person held.' })
export class Position {
  @Field({ description: 'Title in Chinese, e.g. 区委常委、区委政法委书记.' })
  title!: string;

  @Field({ description: 'Title in English.' })
  titleEn!: string;

  @Field(() => String, { nullable: true, description: 'When, e.g. 2020.' })
  period!: string | null;

  /** Code of the region where (`region` resolves it). */
  regionCode!: string | null;
}

@ObjectType({ implements: Node, description: 'A named official.' })
export class Person extends Node {
  @Field({ description: 'Stable key.' })
  key!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Name in pinyin.' })
  nameEn!: string | null;

  @Field(() => [Position], { description: 'Positions held, as the sources state them.' })
  positions!: Position[];

  citationIds!: string[];
}
