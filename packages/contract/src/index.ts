// The public surface of @gridsweep/contract, listed name by name so that every
// addition is a visible decision.

// Rules every schema shares: ids, free text, limits, the error catalogue.
export { IdSchema, Id, ID_REASON, UuidV7Schema, UUID_V7_REASON } from './ids.js';
export type { SafeTextOptions } from './safe-text.js';
export { SafeText, SAFE_TEXT_PATTERN, SAFE_TEXT_REASON, isSafeText } from './safe-text.js';
export {
  MAX_EVENTS_PER_BATCH,
  MAX_SCOPE_AREAS,
  MAX_USERNAME_LENGTH,
  MIN_PASSWORD_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_DISPLAY_NAME_LENGTH,
  MIN_REVEAL_REASON_LENGTH,
  MAX_REVEAL_REASON_LENGTH,
  MAX_ARCHIVE_REASON_LENGTH,
  REVEAL_PURPOSES,
  DEFAULT_AUDIT_PAGE,
  MAX_AUDIT_PAGE,
  AREA_TILE_MAX_ZOOM,
} from './limits.js';
export type { ErrorCode } from './error-catalogue.js';
export { ERRORS, ERROR_CODES } from './error-catalogue.js';
export type { SchemaError } from './validation-issues.js';
export { issuesOf } from './validation-issues.js';
export type { PayloadCheck, CheckOptions } from './payload-check.js';
export { compileCheck } from './payload-check.js';
export type { Assignable } from './mirror.js';

// Shapes, each once.
export { PositionSchema, PointSchema, PolygonSchema, MultiPolygonSchema, AreaGeometrySchema } from './schemas/geometry.js';
export { ValidationIssueSchema } from './schemas/validation-issue.js';
export type { ErrorBody } from './schemas/error-body.js';
export { ErrorBodySchema, ErrorCodeSchema, EventConflictSchema, errorResponses } from './schemas/error-body.js';
export { AreaSchema, BuildingSchema, HouseholdSchema, NewHouseholdSchema, NewMemberSchema, MemberCreatedSchema } from './schemas/territory.js';
export { AreaPropertiesSchema, AreaFeatureSchema, AreaFeatureCollectionSchema, BoundingBoxSchema } from './schemas/area-collection.js';
export {
  MaskedMemberSchema,
  HouseholdWithStatusSchema,
  BuildingHouseholdsSchema,
  HouseholdAnswerSchema,
  RevealedMemberSchema,
} from './schemas/door-list.js';
export { ArchiveBodySchema, ArchiveStateSchema, ArchivedAtSchema } from './schemas/archive.js';
export { RoundSchema, NewRoundSchema, RoundChangeSchema, RoundCampaignSchema } from './schemas/round.js';
export {
  SweepEventSchema,
  EventResultSchema,
  EventBatchSchema,
  SubmitEventsBodySchema,
  SubmitEventsAnswerSchema,
  IngestStatsSchema,
} from './schemas/sweep-event.js';
export { AreaCountsSchema, HouseholdCountsSchema, CountPathSchema, COUNT_PATH_PATTERN, COUNT_PATH_REASON } from './schemas/area-counts.js';
export { LocalizedTextSchema } from './schemas/localized-text.js';
export { CampaignTemplateSchema, TemplateSummarySchema } from './schemas/campaign-template.js';
export { CountingRulesSchema, RulesSummarySchema } from './schemas/counting-rules.js';
export { LevelsSchema, TerritoryLevelsSchema } from './schemas/levels.js';
export { AreaEvaluationSchema } from './schemas/figures.js';
export { BuildingWithCountsSchema } from './schemas/building-counts.js';
export { ProgressSampleSchema } from './schemas/progress-sample.js';
export { AssignedMicrogridSchema, SweepAssignmentsSchema } from './schemas/sweep-assignments.js';
export type { RosterChangeKind } from './schemas/roster-change.js';
export { AddedMemberSchema, RosterChangeSchema, RosterChangeAnswerSchema, ROSTER_CHANGE_KINDS } from './schemas/roster-change.js';
export {
  RoleSchema,
  AccessScopeSchema,
  UserSchema,
  NewUserSchema,
  AccountSchema,
  WallViewSchema,
  LoginBodySchema,
  SessionSchema,
} from './schemas/accounts.js';
export { AuditEntrySchema, AuditQuerySchema } from './schemas/audit-entry.js';
export { MAX_REVEAL_RATE_MINUTES, RevealRateSchema, RevealRatesQuerySchema, RevealRatesSchema, UNUSUAL_REVEAL_REASONS } from './schemas/reveal-rates.js';

// HTTP operations: what the server registers, the API document shows and clients call.
export type { Operation, OperationSpec, OperationTag, Method, Params, Query, Body, Answer } from './operation.js';
export { OPERATION_TAGS, BEARER, operation, publicOperation, pathOf } from './operation.js';
export type { OperationId } from './operations/all-operations.js';
export { OPERATIONS } from './operations/all-operations.js';
export { login, logout, getCurrentAccount, listUsers, createUser, revokeUser, listAuditEntries, listRevealRates } from './operations/access-operations.js';
export {
  listAreas,
  getAreaCollection,
  getAreaTile,
  getArea,
  listAreaBuildings,
  listBuildingHouseholds,
  getHousehold,
  revealMember,
  createArea,
  createBuilding,
  createHousehold,
  createMember,
  AREA_TILE_LAYER,
  AREA_TILE_TYPE,
} from './operations/territory-operations.js';
export { listRounds, getRound, createRound, updateRound, getRoundCampaign, getRoundHistory } from './operations/round-operations.js';
export { archiveRound, unarchiveRound, archiveArea, unarchiveArea } from './operations/archive-operations.js';
export { listTemplates, getTemplate, createTemplate, listRules, getRules, createRules, getLevels, setLevels } from './operations/campaign-operations.js';
export { getAreaCounts, listLevelCounts, listBuildingCounts } from './operations/count-operations.js';
export {
  exportDailyReport,
  exportLedger,
  EXPORT_FORMATS,
  EXPORT_CONTENT_TYPES,
  LEDGER_KINDS,
  type ExportFormat,
  type LedgerKind,
} from './operations/report-operations.js';
export { submitEvents, getIngestStats } from './operations/event-operations.js';
export { getHealth } from './operations/health-operations.js';
export { uploadImport, previewImport, commitImport, getRosterTemplate, IMPORT_UPLOAD_TYPES, XLSX_TYPE } from './operations/import-operations.js';
export { ImportReportSchema, ImportProblemSchema } from './schemas/import-report.js';
export { listSweepAssignments, submitRosterChange } from './operations/sweep-operations.js';

// Socket messages: runtime schemas for the payloads of core's event map.
export type { ClientMessage } from './live/live-messages.js';
export {
  SubscribeRequestSchema,
  SubscribeReplySchema,
  SubmitEventsReplySchema,
  PackedCountsSchema,
  CountsSnapshotSchema,
  CountsDeltaSchema,
  ActivitySchema,
  CLIENT_MESSAGES,
  SERVER_MESSAGES,
} from './live/live-messages.js';
