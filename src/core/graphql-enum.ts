import { registerEnumType } from 'type-graphql';
import { enumOf } from './vocabulary';

/**
 * A GraphQL enum from a list of values: the enum object ({ A: 'A', … }), registered under `name`.
 */
export function graphqlEnum<const T extends string>(
  name: string,
  values: readonly T[],
  description: string,
): { readonly [K in T]: K } {
  const values$ = enumOf(values);
  registerEnumType(values$, { name, description });
  return values$;
}
