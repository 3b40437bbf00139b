import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface ScopeArea {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: string;
  readonly name: string;
}

/** The area and every area below it, parents before children. */
export async function areasWithin(db: Kysely<Database>, areaId: string): Promise<ScopeArea[]> {
  const result = await sql<{ id: string; parent_id: string | null; level: string; name: string; depth: number }>`
    with recursive subtree(id, depth) as (
      select id, 0 from areas where id = ${areaId}
      union all
      select areas.id, subtree.depth + 1 from areas join subtree on areas.parent_id = subtree.id
    )
    select areas.id, areas.parent_id, areas.level, areas.name, subtree.depth
    from areas join subtree on subtree.id = areas.id
    order by subtree.depth, areas.id`.execute(db);
  return result.rows.map((row) => ({ id: row.id, parentId: row.parent_id, level: row.level, name: row.name }));
}
