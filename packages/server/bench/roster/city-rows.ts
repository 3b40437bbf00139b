import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

/** How the bench city is cut: 13 districts down to 65 000 micro-grids, 12 households a building. */
const FAN_OUT = [
  ['d', 'district', 13],
  ['s', 'street', 130],
  ['k', 'community', 1_300],
  ['g', 'grid', 6_500],
  ['m', 'microgrid', 65_000],
] as const;
const HOUSEHOLDS_PER_BUILDING = 12;

/**
 * Writes a city of `households` households (about 2.5 members each) straight
 * into the database with generate_series: the generator's realistic city
 * takes minutes and gigabytes to make, and the bench measures only what the
 * server holds once it has read the rows back. Household and member ids are
 * shaped like an import's (a prefix and 24 hex digits), names and phones
 * filled in as a roster's are.
 */
export async function writeCity(db: Kysely<Database>, households: number): Promise<{ households: number; members: number; microgrids: number }> {
  await sql`insert into areas (id, parent_id, level, name) values ('c', null, 'city', '榕城市')`.execute(db);
  let parent = 'c';
  let parentCount = 1;
  for (const [prefix, level, count] of FAN_OUT) {
    const per = count / parentCount;
    const parentId = parent === 'c' ? sql`'c'` : sql`${parent} || (n / ${per})::int`;
    await sql`insert into areas (id, parent_id, level, name)
      select ${prefix} || n, ${parentId}, ${level}, ${level} || n
      from generate_series(0, ${count - 1}) n`.execute(db);
    parent = prefix;
    parentCount = count;
  }
  const microgrids = FAN_OUT[FAN_OUT.length - 1]![2];
  const buildings = Math.ceil(households / HOUSEHOLDS_PER_BUILDING);
  await sql`insert into buildings (id, area_id, name, units, floors)
    select 'b-' || substr(md5('b' || n), 1, 24), 'm' || (n % ${microgrids}), (n % 40 + 1) || '号楼', 2, 6
    from generate_series(0, ${buildings - 1}) n`.execute(db);
  await sql`insert into households (id, building_id, unit, floor, room, vacant)
    select 'h-' || substr(md5('h' || g), 1, 24), 'b-' || substr(md5('b' || (g / ${HOUSEHOLDS_PER_BUILDING})), 1, 24),
      1 + (g % 12) / 6, 1 + g % 6, (1 + g % 6) || '0' || (1 + g % 2), g % 50 = 0
    from generate_series(0, ${households - 1}) g`.execute(db);
  await sql`insert into members (id, household_id, name, phone, birth_year, tags)
    select 'm-' || substr(md5('m' || g || '-' || j), 1, 24), 'h-' || substr(md5('h' || g), 1, 24), '居民' || j,
      '138' || lpad((g % 100000000)::text, 8, '0'), 1930 + (g * 7 + j) % 80,
      case when (g + j) % 20 = 0 then '["elderly_alone"]'::jsonb else '[]'::jsonb end
    from generate_series(0, ${households - 1}) g, generate_series(0, 3) j where j <= g % 4`.execute(db);
  const members = await db.selectFrom('members').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { households, members: Number(members.n), microgrids };
}
