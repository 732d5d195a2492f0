import { GraphQLLocalDate, GraphQLNonNegativeInt } from 'graphql-scalars';
import { Field, Float, InputType, ObjectType } from 'type-graphql';
import { SourceKind } from '../citation/citation.type';
import { ConnectionType } from '../core/connection.type';
import { graphqlEnum } from '../core/graphql-enum';
import { Node } from '../core/node.type';
import { IsRegionCode, IsSlug } from '../core/validation';
import {
  COMPARISON_KINDS,
  type ComparisonKind as Kind,
  PERIOD_KINDS,
  type PeriodKind as PK,
  type Qualifier as Q,
  QUALIFIERS,
} from '../core/vocabulary';
import { SortDirection } from '../practice/practice-enums';

export const Qualifier = graphqlEnum(
  'Qualifier',
  QUALIFIERS,
  'How exact the figure is: 余/多/超过 → MORE_THAN, 以上 → AT_LEAST, 不超过 → AT_MOST, 约/近 → ABOUT.',
);
export type Qualifier = Q;

export const PeriodKind = graphqlEnum(
  'PeriodKind',
  PERIOD_KINDS,
  'When a figure holds, as its sentence says: a calendar YEAR; a stated SPAN (interval, month, ' +
    "quarter, half or day); a stock AS_OF a date (often the report's); a CUMULATIVE total up to " +
    'a ' +
    'date whose start is not given; or UNDATED (no stated time). Figures of different kinds are ' +
    'not comparable without saying so.',
);
export type PeriodKind = PK;

export const ComparisonKind = graphqlEnum(
  'ComparisonKind',
  COMPARISON_KINDS,
  'What a change is measured against.',
);
export type ComparisonKind = Kind;

@ObjectType({ description: 'What a change figure is measured against.' })
export class Comparison {
  @Field(() => ComparisonKind, {
    description: 'Year on year, against an average, or a change of rank.',
  })
  kind!: ComparisonKind;

  @Field(() => String, {
    nullable: true,
    description: 'The base period, e.g. 2019 for a year-on-year change in 2020.',
  })
  basePeriod!: string | null;
}

@ObjectType({
  description:
    'A rate whose reported value differs from the rate its counts give, at the precision it was ' +
    'reported.',
})
export class Discrepancy {
  @Field(() => Float, {
    description: 'The rate its numerator and denominator give, in percent, to two decimals.',
  })
  computed!: number;

  @Field({ description: 'What the difference is and how to read it.' })
  note!: string;
}

@ObjectType({
  implements: Node,
  description: 'One reported figure, with the words it was reported in and its quote.',
})
export class Observation extends Node {
  @Field({ description: 'Stable key of the observation.' })
  key!: string;

  @Field(() => Float, {
    description: 'The value; money in yuan (万 and 亿 expanded), rates in percent.',
  })
  value!: number;

  @Field({ description: 'Unit code, e.g. percent, CNY, case.' })
  unit!: string;

  @Field(() => Qualifier, { description: 'How exact the value is.' })
  qualifier!: Qualifier;

  @Field(() => PeriodKind, {
    description:
      'What kind of time the figure holds for (a year, a span, a stock as of a date, a ' +
      'cumulative total, undated).',
  })
  periodKind!: PeriodKind;

  @Field(() => String, {
    nullable: true,
    description:
      'Reference period, ISO 8601: 2020, 2020-01/2020-06, 2021-02-09 (as of), ../2021-02-09 ' +
      '(cumulative, start not given); null when UNDATED.',
  })
  period!: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'First day of the period (null when open).',
  })
  periodStart!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of the period.' })
  periodEnd!: string | null;

  @Field({ description: "The figure in the source's own words, e.g. 调处成功率为99.97%." })
  reported!: string;

  @Field(() => GraphQLNonNegativeInt, {
    nullable: true,
    description:
      'Where the reported words start in the source text (code points), for highlighting.',
  })
  reportedOffset!: number | null;

  @Field(() => Comparison, {
    nullable: true,
    description: 'For a change: what it is measured against.',
  })
  comparison!: Comparison | null;

  @Field(() => String, { nullable: true, description: 'Scope of a ranking or average, e.g. 全省.' })
  scope!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What a reader must know about this figure (an anecdote, a preliminary count …).',
  })
  note!: string | null;

  @Field(() => SourceKind, {
    description: 'Who produced the figure: a self-report is not an independent evaluation.',
  })
  sourceKind!: SourceKind;

  @Field(() => Discrepancy, {
    nullable: true,
    description: 'Set where this rate differs from what its counts give at the reported precision.',
  })
  discrepancy!: Discrepancy | null;

  /** Keys of what it refers to (the field resolvers load them). */
  indicatorCode!: string;
  regionCode!: string;
  practiceKey!: string | null;
  numeratorKey!: string | null;
  denominatorKey!: string | null;
  citationIds!: string[];
}

export const ObservationConnection = ConnectionType(Observation, 'Observation');

@InputType({ description: 'Which figures to list. All criteria must hold.' })
export class ObservationFilter {
  @IsRegionCode()
  @Field(() => String, { nullable: true, description: 'Official code of a region.' })
  regionCode?: string | null;

  @Field({
    defaultValue: false,
    description: 'With regionCode: include figures for every unit below it.',
  })
  includeSubregions!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Indicator code, e.g. mediation_success_rate.',
  })
  indicator?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only figures about this practice (global id or key).',
  })
  practice?: string | null;

  @IsSlug()
  @Field(() => String, {
    nullable: true,
    description: 'Only figures about practices of this model (slug).',
  })
  model?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Periods ending on or after this day.',
  })
  periodFrom?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Periods starting on or before this day.',
  })
  periodTo?: string | null;

  @Field(() => SourceKind, {
    nullable: true,
    description: 'Only figures from this kind of source.',
  })
  sourceKind?: SourceKind | null;

  @Field(() => [PeriodKind], {
    nullable: true,
    description:
      'Only figures holding for these kinds of time (e.g. [YEAR, SPAN] leaves out stocks, ' +
      'running totals and undated figures). A period filter (periodFrom, periodTo) always ' +
      'leaves out UNDATED figures.',
  })
  periodKinds?: PeriodKind[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only rates that differ from their counts (with a discrepancy); false: only figures ' +
      'without one.',
  })
  discrepancy?: boolean | null;
}

export const ObservationOrderField = graphqlEnum(
  'ObservationOrderField',
  ['REGION', 'INDICATOR', 'PERIOD', 'VALUE'],
  'What to order figures by.',
);
export type ObservationOrderField = keyof typeof ObservationOrderField;

@InputType({ description: 'Ordering of figures; ties break on the observation key.' })
export class ObservationOrder {
  @Field(() => ObservationOrderField, {
    defaultValue: ObservationOrderField.REGION,
    description: 'What to order by.',
  })
  field!: ObservationOrderField;

  @Field(() => SortDirection, {
    defaultValue: SortDirection.ASC,
    description: 'Ascending or descending.',
  })
  direction!: SortDirection;
}
