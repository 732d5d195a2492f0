import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../core/connection.type';
import { graphqlEnum } from '../core/graphql-enum';
import { MATCH_FIELDS } from './search-match';
import { MATCH_KINDS } from './search-scoring';

export const SearchHitType = graphqlEnum(
  'SearchHitType',
  ['MODEL', 'PRACTICE', 'PRINCIPLE', 'REGION', 'ORGANIZATION'],
  'What a search hit is; ORGANIZATION includes teams and groups of people.',
);
export type SearchHitType = keyof typeof SearchHitType;

export const SearchMatchKind = graphqlEnum(
  'SearchMatchKind',
  MATCH_KINDS,
  "How the text matched the hit's names, compared without tones, case, spaces or punctuation: " +
    'EXACT (a whole name, alias, pinyin or English name; for a place also its name without the ' +
    'kind, 太和 of 太和街道), PREFIX (a name, or a part of one set off by punctuation, starts with ' +
    "it), PLACE (a practice's or organisation's name holds it only as the name of the place it " +
    'is in: 安宁市… for 安宁; ranked after the place), CONTAINS (a name contains it, or every word ' +
    'of it), SOUND (the pinyin of the Chinese text is in a name: a homophone, 枫乔 for 枫桥), TEXT ' +
    '(only other text matched, or only part of the words).',
);
export type SearchMatchKind = keyof typeof SearchMatchKind;

export const SearchMatchField = graphqlEnum(
  'SearchMatchField',
  MATCH_FIELDS,
  'The field a hit matched in: its name, an alias, official name, site (practices), English ' +
    'name, pinyin, summary, description or scale (Chinese or English).',
);
export type SearchMatchField = keyof typeof SearchMatchField;

@ObjectType({ description: 'A stretch of the snippet that matched, in code points.' })
export class SnippetRange {
  @Field(() => Int, { description: 'Offset in the snippet, in code points.' })
  start!: number;

  @Field(() => Int, { description: 'Length in code points.' })
  length!: number;
}

@ObjectType({ description: 'One search result.' })
export class SearchHit {
  @Field(() => SearchHitType, { description: 'What it is.' })
  type!: SearchHitType;

  @Field(() => ID, { description: 'Global id; `node(id:)` resolves it.' })
  id!: string;

  @Field({ description: 'Chinese name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Official statistical code, when the hit is a region.',
  })
  code!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where it is, from the province down to the place itself, e.g. 云南省 › 昆明市 › 官渡区 › 太和街道: a ' +
      "region's own path, the path of the region a practice or organisation is in, null for " +
      'models and principles. Tells namesakes apart.',
  })
  path!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The same path in English: Yunnan Province › Kunming City › Guandu District › Taihe ' +
      'Subdistrict.',
  })
  pathEn!: string | null;

  @Field(() => SearchMatchKind, {
    description:
      "How the text matched (exact name, prefix, by its place's name, contained, homophone, " +
      'other text).',
  })
  matchKind!: SearchMatchKind;

  @Field(() => SearchMatchField, {
    description: 'The field that matched: the one `snippet` is taken from.',
  })
  matchedField!: SearchMatchField;

  @Field({ description: 'The matching text around the match (at most about 80 characters).' })
  snippet!: string;

  @Field(() => [SnippetRange], { description: 'Where the match is in `snippet`.' })
  highlights!: SnippetRange[];

  @Field({ description: 'The snippet as HTML (escaped), each match in `<em>…</em>`.' })
  highlight!: string;

  @Field(() => Float, {
    description:
      'Relevance; higher is better. Models, practices, principles and organisations whose name ' +
      'matches come before places, exact before partial; places that hold practices or figures ' +
      'before empty namesakes (docs/search.md).',
  })
  score!: number;

  /** Label and key of the object (`node` resolves it). */
  label!: string;
  key!: string;
}

@ObjectType({
  description: 'How many hits of one type the text has: for "models 3 · practices 5 · places 214".',
})
export class SearchFacet {
  @Field(() => SearchHitType, { description: 'The type.' })
  type!: SearchHitType;

  @Field(() => Int, {
    description:
      'Hits of this type for the text, whatever `types` asks for; each can be paged to with ' +
      '`types: [this type]`.',
  })
  count!: number;

  @Field({
    description:
      'False when the search stopped collecting candidates of this kind (more than about 1,000 ' +
      'match), so more exist than `count`.',
  })
  exact!: boolean;
}

/** The Relay fields, from the shared connection type; the page adds its facets. */
const SearchHitConnection = ConnectionType(SearchHit, 'SearchHit');

@ObjectType({
  description:
    'A page of search hits of the asked types, best first (`totalCount`: hits of those types in ' +
    'all), with counts per type.',
})
export class SearchResults extends SearchHitConnection {
  @Field(() => [SearchFacet], {
    description:
      'Hits per type for the text, every type (also those `types` leaves out), in the order ' +
      'MODEL, PRACTICE, PRINCIPLE, ORGANIZATION, REGION.',
  })
  facets!: SearchFacet[];
}
