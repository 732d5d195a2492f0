import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../core/args';
import { IsRegionCode } from '../core/validation';
import { RegionLevel } from './region.type';

@ArgsType()
export class RegionCodeArgs {
  @IsRegionCode()
  @Field(() => String)
  code!: string;
}

@InputType({ description: 'Which regions to list.' })
export class RegionFilter {
  @IsRegionCode()
  @Field(() => String, {
    nullable: true,
    description: 'Only units below this code (e.g. 5301 for the units of Kunming).',
  })
  within?: string | null;

  @Field(() => RegionLevel, { nullable: true, description: 'Only regions at this level.' })
  level?: RegionLevel | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only ethnic autonomous units (or only others).',
  })
  autonomous?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only county-level units: counties and the zones administered at county level (or only ' +
      'others). Kunming has 15.',
  })
  countyLevel?: boolean | null;
}

@ArgsType()
export class SubregionArgs extends PageArgs {
  @Field({
    defaultValue: false,
    description: 'Include every unit below this one (a county covers its townships and villages).',
  })
  includeSubregions!: boolean;
}
