import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../core/connection.type';
import { graphqlEnum } from '../core/graphql-enum';
import { Node } from '../core/node.type';
import { CODE_LENGTHS } from '../core/region-codes';
import { type RegionLevel as Level, REGION_LEVELS } from '../core/vocabulary';

export const RegionLevel = graphqlEnum(
  'RegionLevel',
  REGION_LEVELS,
  `Administrative level, from the length of the official code (${CODE_LENGTHS.join(', ')} digits).`,
);
export type RegionLevel = Level;

@ObjectType({
  description:
    'A township-level zone (风景名胜区, 开发区 …) administered at county level: a county-level unit of ' +
    "its own, out of its host county's roll-ups.",
})
export class CountyLevelZone {
  /** Code of the host county (the field resolver loads it). */
  hostCode!: string;

  @Field({
    description: 'Why it is treated as county-level: the source or curated list that says so.',
  })
  basis!: string;
}

@ObjectType({
  implements: Node,
  description:
    'An administrative unit, keyed by its official statistical code (统计用区划代码, 2023).',
})
export class Region extends Node {
  @Field({ description: 'Official statistical code, e.g. 530103.' })
  code!: string;

  @Field({
    description: 'Name as commonly used, e.g. 大营社区 (the gazetteer says 大营社区居委会).',
  })
  name!: string;

  @Field({ description: 'Name exactly as in the official gazetteer.' })
  officialName!: string;

  @Field({
    description: 'English name (curated for units the sources name, else generated from pinyin).',
  })
  nameEn!: string;

  @Field({ description: 'True when nameEn was curated by hand rather than generated.' })
  nameEnCurated!: boolean;

  @Field(() => String, { nullable: true, description: 'Hanyu pinyin with tone marks.' })
  pinyin!: string | null;

  @Field(() => [String], { description: 'Other names, e.g. the name a source uses.' })
  aliases!: string[];

  @Field(() => RegionLevel, { description: 'Administrative level.' })
  level!: RegionLevel;

  @Field({
    description:
      'Kind from the name: 区, 县, 县级市, 自治县, 街道, 镇, 乡, 民族乡, 社区, 村 … or 其他.',
  })
  kind!: string;

  @Field({ description: 'True for an ethnic autonomous unit (自治县, 民族乡 …).' })
  autonomous!: boolean;

  @Field(() => [String], {
    description: "Nationalities named in an autonomous unit's name, e.g. [彝族, 苗族].",
  })
  ethnicGroups!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'What a reader must know, e.g. a unit that is not an ordinary county.',
  })
  note!: string | null;

  @Field(() => CountyLevelZone, {
    nullable: true,
    description:
      'Set on a township-level zone administered at county level (阳宗海): its host and the basis. ' +
      "Its figures, practices and models stay out of the host county's roll-ups.",
  })
  countyLevelZone!: CountyLevelZone | null;

  /** Code of the county-level zone this unit lies in (the zone's own code for the zone), if any. */
  zoneCode!: string | null;
}

export const RegionConnection = ConnectionType(Region, 'Region');
