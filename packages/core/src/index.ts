// The public surface of @gridsweep/core, listed name by name so that every
// addition is a visible decision.

export type { LocalizedText } from './text.js';

export type { ValidationIssue, Validated } from './validation/validated.js';
export { valid, invalid } from './validation/validated.js';
export { InvariantError, invariant } from './validation/invariant.js';
export { ID_PATTERN, ID_RULE } from './validation/ids.js';

export type { Position, Point, Polygon, MultiPolygon, AreaGeometry } from './territory/geometry.js';
export type { LevelSpec, Levels } from './territory/levels.js';
export { DEFAULT_LEVELS, levelIndex, leafLevel } from './territory/levels.js';
export type { Area, Building, Household, Member } from './territory/entities.js';
export { householdLabel } from './territory/entities.js';
export type { TerritoryLookup } from './territory/territory.js';
export { Territory } from './territory/territory.js';
export { validateArea, validateBuilding, validateHousehold, validateMember } from './territory/validate-territory.js';
export { areaGeometryProblem, pointProblem, isAreaGeometry, isPoint } from './territory/validate-geometry.js';

export type {
  CampaignTemplate,
  ChoiceField,
  ChoiceOption,
  SpecialGroup,
  HouseholdOutcomeKind,
  MemberStatusKind,
  MarkerKind,
} from './campaign/template.js';
export { templateFields } from './campaign/template.js';
export { NUCLEIC_ACID_TEMPLATE } from './campaign/nucleic-acid-template.js';
export type { Round, RoundContext } from './campaign/round.js';
export { validateRound } from './campaign/round.js';

export type { SweepEvent } from './events/sweep-event.js';
export type { SweepEventContext } from './events/validate-sweep-event.js';
export { validateSweepEvent } from './events/validate-sweep-event.js';
export { uuidV7, isUuidV7, UUID_V7_PATTERN } from './events/uuid-v7.js';

// Counting engine: events in, per-area counts and their changes out.
export type { CountingEngineOptions, EngineMemory } from './engine/counting-engine.js';
export { CountingEngine } from './engine/counting-engine.js';
export type { BulkTerritory } from './engine/bulk-territory.js';
export type { ApplyResult } from './engine/apply-result.js';
export type { AreaCounts, HouseholdCounts, MemberCounts, CodeCounts, SpecialGroupCounts } from './engine/area-counts.js';
export type { AreaCountsDiff, AreaCountsChange } from './engine/area-counts-diff.js';
export { squash, sameCounts } from './engine/area-counts-diff.js';
export { TICK_MS, tickOf, tickOrigin } from './engine/stamp.js';

// Rules: counts into coverage, test rate, colours and 无疫 status, each explained.
export type { CountingRules, ColourBand, ColourClass, ColourMeasure } from './rules/counting-rules.js';
export { DEFAULT_RULES } from './rules/counting-rules.js';
export { validateRules } from './rules/validate-rules.js';
export { colourClass, colourBandOf } from './rules/colour-class.js';
export type {
  AreaEvaluation,
  RatioExplanation,
  ColourExplanation,
  EpidemicFreeExplanation,
  EpidemicFreeCheck,
  FigurePart,
  RuleReference,
} from './rules/explanation.js';
export { evaluateArea } from './rules/evaluate-area.js';
export { isEpidemicFree } from './rules/epidemic-free.js';
export type { CoverageSample, CompletionProjection } from './rules/project-completion.js';
export { projectCompletion } from './rules/project-completion.js';
export { CoverageHistory } from './rules/coverage-history.js';

// Live stream protocol (socket.io event map) and its client, shared by server, dashboard and other tools.
export type {
  ResumePoint,
  SubscribeRequestV1,
  SubscribeReplyV1,
  LiveError,
  CountsSnapshotV2,
  CountsDeltaV2,
  ActivityItemV1,
  ActivityV1,
  EventResultV1,
  SubmitEventsReplyV1,
  ServerToClientEvents,
  ClientToServerEvents,
} from './live/live-events.js';
export type { PackedCountsV2 } from './live/packed-counts.js';
export { packCounts, unpackCounts, packedStride } from './live/packed-counts.js';
export type { DeltaOutcome } from './live/live-counts-view.js';
export { LiveCountsView } from './live/live-counts-view.js';
export type { LiveSocketLike, LiveCountsClientOptions } from './live/live-counts-client.js';
export { LiveCountsClient } from './live/live-counts-client.js';

// Access: roles and their permissions, territorial scope, masking of personal data.
export type { Role, Permission } from './access/roles.js';
export { ROLES, PERMISSIONS, ROLE_PERMISSIONS, isRole, roleAllows } from './access/roles.js';
export type { AccessScope, ScopeTerritory } from './access/access-scope.js';
export { scopeCoversArea, scopeReachesArea, scopeCoversBuilding, scopeCoversHousehold, scopeRoots } from './access/access-scope.js';
export { maskName, maskPhone, maskIdNumber } from './access/masking.js';
