import { ArgsType, Field, Int } from 'type-graphql';
import { BadInputError } from '../errors/errors';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'How many items (default 20, at most 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item to start after (pageInfo.endCursor).' })
  after?: string | null;
}

const REGION_CODE = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/** Official codes have 2, 4, 6, 9 or 12 digits; anything else is a client error, not "not found". */
export function checkRegionCode(code: string, field = 'regionCode'): string {
  if (!REGION_CODE.test(code)) throw new BadInputError(`"${code}" is not an official region code (2, 4, 6, 9 or 12 digits)`, field);
  return code;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export function checkSlug(slug: string, field = 'slug'): string {
  if (!SLUG.test(slug)) throw new BadInputError(`"${slug}" is not a slug (lower-case ASCII words joined by hyphens)`, field);
  return slug;
}
