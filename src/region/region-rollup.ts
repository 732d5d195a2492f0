/**
 * The units whose facts roll up into the region with code `prefix` (a Cypher expression): every
 * unit whose code starts with it, except that a county leaves out the county-level zones it hosts
 * (阳宗海 under 宜良县): units in such a zone carry the zone's code as `zone`. A city or province
 * still includes them, and a zone includes its own units.
 */
export const rollsUpInto = (r: string, prefix: string): string =>
  `${r}.code STARTS WITH ${prefix} AND (${r}.zone IS NULL OR size(${prefix}) <> 6)`;

/**
 * The level a region acts at: a county-level zone is a county in comparisons and scoring, whatever
 * its code's length.
 */
export const actingLevel = (r: string): string =>
  `CASE WHEN ${r}.countyLevelHost IS NOT NULL THEN 'COUNTY' ELSE ${r}.level END`;
