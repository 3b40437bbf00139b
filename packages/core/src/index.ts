// The public surface of @gridsweep/core, listed name by name so that every
// addition is a visible decision.

export type { LocalizedText } from './text.js';

export type { ValidationIssue, Validated } from './validation/validated.js';
export { valid, invalid } from './validation/validated.js';
export { InvariantError, invariant } from './validation/invariant.js';
export { ID_PATTERN, ID_RULE } from './validation/ids.js';
export { SAFE_TEXT_PATTERN, textProblem } from './validation/text-rule.js';

export type { Position, Point, Polygon, MultiPolygon, AreaGeometry } from './territory/geometry.js';
export type { LevelSpec, Levels } from './territory/levels.js';
export { DEFAULT_LEVELS, levelIndex, leafLevel } from './territory/levels.js';
export { validateLevels } from './territory/validate-levels.js';
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
  DetailField,
  MarkerField,
  MarkerOption,
  MarkerTone,
  MeasureSpec,
  MeasureKind,
  QuickFill,
  SpecialGroup,
  TemplateField,
  TemplateWords,
  HouseholdOutcomeKind,
  MemberStatusKind,
} from './campaign/template.js';
export { templateFields, templateKey } from './campaign/template.js';
export type { CountPath } from './campaign/count-path.js';
export { countAt, countLabel, countParts, isCountPath } from './campaign/count-path.js';
export { validateTemplate, MAX_OPTIONS, MAX_SPECIAL_GROUPS } from './campaign/validate-template.js';
export { NUCLEIC_ACID_TEMPLATE } from './campaign/nucleic-acid-template.js';
export { ELDERLY_VACCINATION_TEMPLATE } from './campaign/elderly-vaccination-template.js';
export { BUILT_IN_TEMPLATES, BUILT_IN_RULES } from './campaign/built-in.js';
export type { Round, RoundContext } from './campaign/round.js';
export { validateRound } from './campaign/round.js';

export type { SweepEvent } from './events/sweep-event.js';
export type { SweepEventContext } from './events/validate-sweep-event.js';
export { validateSweepEvent } from './events/validate-sweep-event.js';
export { uuidV7, isUuidV7, UUID_V7_PATTERN } from './events/uuid-v7.js';
export type { Observation, LatestValues } from './events/latest-values.js';
export { latestValues } from './events/latest-values.js';

// Counting engine: events in, per-area counts and their changes out.
export type { CountingEngineOptions, EngineMemory } from './engine/counting-engine.js';
export { CountingEngine } from './engine/counting-engine.js';
export type { EngineRoster } from './engine/engine-roster.js';
export type { BulkTerritory } from './engine/bulk-territory.js';
export type { ApplyResult } from './engine/apply-result.js';
export type { AreaCounts, HouseholdCounts, MemberCounts, SpecialGroupCounts } from './engine/area-counts.js';
export type { AreaCountsDiff, AreaCountsChange } from './engine/area-counts-diff.js';
export { squash, sameCounts } from './engine/area-counts-diff.js';
export { TICK_MS, tickOf, tickOrigin } from './engine/stamp.js';

// Rules: counts into coverage, test rate, colours and 无疫 status, each explained.
export type { CountingRules, ColourBand, ColourClass, GoalCondition } from './rules/counting-rules.js';
export { NUCLEIC_ACID_RULES, ELDERLY_VACCINATION_RULES } from './rules/counting-rules.js';
export { validateRules } from './rules/validate-rules.js';
export { colourClass, colourBandOf } from './rules/colour-class.js';
export type {
  AreaEvaluation,
  RatioExplanation,
  ColourExplanation,
  GoalExplanation,
  GoalCheck,
  FigurePart,
  RuleReference,
} from './rules/explanation.js';
export { evaluateArea, percent } from './rules/evaluate-area.js';
export { meetsGoal, shareOf, ratioOf } from './rules/goal.js';
export type { CoverageSample, CompletionProjection } from './rules/project-completion.js';
export { projectCompletion } from './rules/project-completion.js';
export { CoverageHistory } from './rules/coverage-history.js';

// Live stream protocol (socket.io event map) and its client, shared by server, dashboard and other tools.
export type {
  ResumePoint,
  SubscribeRequestV1,
  SubscribeReplyV1,
  LiveError,
  CountsSnapshotV3,
  CountsDeltaV3,
  ActivityItemV1,
  ActivityV1,
  EventResultV1,
  SubmitEventsReplyV1,
  ServerToClientEvents,
  ClientToServerEvents,
} from './live/live-events.js';
export type { PackedCountsV3 } from './live/packed-counts.js';
export { packCounts, unpackCounts, packedStride, isWellFormed } from './live/packed-counts.js';
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
