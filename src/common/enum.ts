/** A GraphQL enum object ({ A: 'A', … }) from a constant list, so each list of values is written once. */
export function enumOf<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}
