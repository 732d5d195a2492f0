import { Matches, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { CODE_LENGTHS_TEXT, REGION_CODE } from './region-codes';
import { KEBAB } from './slug';

/**
 * Argument checks, declared on the argument classes and run by type-graphql (`validate: true`)
 * before a resolver: one path for every bound, each failure a field-level BAD_USER_INPUT.
 */
/**
 * Official codes have a level's number of digits; anything else is a client error, not "not found".
 */
export const IsRegionCode = (options?: ValidationOptions) =>
  Matches(REGION_CODE, {
    message: ({ value }) =>
      `"${String(value)}" is not an official region code (${CODE_LENGTHS_TEXT} digits)`,
    ...options,
  });

export const IsSlug = (options?: ValidationOptions) =>
  Matches(KEBAB, {
    message: ({ value }) =>
      `"${String(value)}" is not a slug (lower-case ASCII words joined by hyphens)`,
    ...options,
  });

/** A whole number from `min` to `max`, named in the message as `name`. */
export function Between(min: number, max: number): PropertyDecorator {
  const message = ({ property }: { property: string }) =>
    `${property} must be between ${min} and ${max}`;
  return (target, key) => {
    Min(min, { message })(target, key);
    Max(max, { message })(target, key);
  };
}

/** A list holding from `min` to `max` distinct values (repeats are allowed and count once). */
export const DistinctCount = (min: number, max: number, message: string) =>
  ValidateBy({
    name: 'distinctCount',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) && new Set(value).size >= min && new Set(value).size <= max,
      defaultMessage: () => message,
    },
  });

/** Text whose trimmed length is from 1 to `max`, named `what` in messages. */
export const TrimmedText = (max: number, what: string) =>
  ValidateBy({
    name: 'trimmedText',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && value.trim().length > 0 && value.trim().length <= max,
      defaultMessage: (args) =>
        typeof args?.value === 'string' && args.value.trim().length > 0
          ? `${what} must be at most ${max} characters`
          : `${what} must not be empty`,
    },
  });
