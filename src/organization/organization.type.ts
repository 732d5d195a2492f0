import { Field, ObjectType } from 'type-graphql';
import { Node } from '../core/node.interface';

@ObjectType({ implements: Node, description: 'A court, company, university, committee … that takes part in practices.' })
export class Organization extends Node {
  @Field({ description: 'Stable key.' })
  key!: string;

  @Field({ description: 'Chinese name.' })
  name!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;

  @Field({ description: 'PARTY_COMMITTEE, GOVERNMENT, COURT, PROCURATORATE, PUBLIC_SECURITY, JUSTICE, COMPANY, UNIVERSITY, SCHOOL, HOSPITAL, MEDIA, COMMITTEE or OTHER.' })
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
