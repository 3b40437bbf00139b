import type { ColumnType, Generated } from 'kysely';

// Row shapes as PostgreSQL stores them. bigint columns come back as strings
// from `pg` and as numbers or bigints from PGlite, so they are read through
// `Number(...)` in the repositories and typed loosely here.
type BigintColumn = ColumnType<string | number | bigint, number, number>;
type JsonColumn<T> = ColumnType<T, string, string>;
/** When a round or an area was archived (ms since the epoch); null while in use, and left out of inserts. */
type ArchivedAtColumn = ColumnType<string | number | bigint | null, number | null | undefined, number | null>;

export interface AreaRow {
  id: string;
  parent_id: string | null;
  level: string;
  name: string;
  geometry: JsonColumn<unknown>;
  archived_at: ArchivedAtColumn;
}

export interface BuildingRow {
  id: string;
  area_id: string;
  name: string;
  units: number;
  floors: number;
  location: JsonColumn<unknown>;
}

export interface HouseholdRow {
  id: string;
  building_id: string;
  unit: number;
  floor: number;
  room: string;
  vacant: boolean;
}

export interface MemberRow {
  id: string;
  household_id: string;
  name: string;
  phone: string | null;
  birth_year: number | null;
  tags: JsonColumn<string[]>;
  /** When a field worker marked the member moved out (device time, epoch ms); null while they live there. */
  moved_out_at: ColumnType<string | number | bigint | null, number | null | undefined, number | null>;
}

/** A roster write made in the field, by the id the phone made: a retry is recognised by it. */
export interface RosterChangeRow {
  id: string;
  kind: string;
  household_id: string;
  member_id: string;
  worker_id: string;
  device_time: BigintColumn;
  /** SHA-256 of the change's canonical JSON: a retry with the same id must carry the same content. */
  content_hash: string;
  received_at: ColumnType<Date, never, never>;
}

export interface RoundRow {
  id: string;
  name: string;
  template_id: string;
  template_version: number;
  rules_id: string;
  rules_version: number;
  area_id: string;
  starts_at: BigintColumn;
  archived_at: ArchivedAtColumn;
}

/** A campaign template, counting rules or the territory's levels: a JSON document per version. */
export interface CampaignTemplateRow {
  id: string;
  version: number;
  document: JsonColumn<unknown>;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface CountingRulesRow extends CampaignTemplateRow {
  template_id: string;
}

export interface TerritoryLevelsRow {
  version: number;
  document: JsonColumn<unknown>;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface EventRow {
  /** Order of arrival, for readers that follow the log (the live stream catches up by it). */
  seq: Generated<BigintColumn>;
  id: string;
  round_id: string;
  worker_id: string;
  household_id: string;
  member_id: string | null;
  device_time: BigintColumn;
  values: JsonColumn<Record<string, string>>;
  /** SHA-256 of the event's canonical JSON: a retry with the same id must carry the same content. */
  content_hash: string;
  received_at: ColumnType<Date, never, never>;
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  scope: JsonColumn<unknown>;
  password_hash: string;
  created_at: ColumnType<Date, never, never>;
  revoked_at: ColumnType<Date | null, never, Date>;
}

export interface SessionRow {
  /** SHA-256 of the token, hex. */
  token_hash: string;
  user_id: string;
  created_at: BigintColumn;
  last_seen_at: BigintColumn;
  expires_at: BigintColumn;
  revoked_at: ColumnType<string | number | bigint | null, number | null, number>;
  /** Where the login came from (the client's address). */
  source: string | null;
}

export interface AuditRow {
  seq: Generated<BigintColumn>;
  at: ColumnType<Date, never, never>;
  actor_id: string;
  actor_role: string;
  action: string;
  target: string;
  reason: string | null;
  source: string | null;
  detail: JsonColumn<Record<string, unknown>>;
}

export interface SettingRow {
  name: string;
  value: string;
}

export interface Database {
  areas: AreaRow;
  buildings: BuildingRow;
  households: HouseholdRow;
  members: MemberRow;
  roster_changes: RosterChangeRow;
  rounds: RoundRow;
  campaign_templates: CampaignTemplateRow;
  counting_rules: CountingRulesRow;
  territory_levels: TerritoryLevelsRow;
  events: EventRow;
  users: UserRow;
  sessions: SessionRow;
  audit_log: AuditRow;
  server_settings: SettingRow;
}
