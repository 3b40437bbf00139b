import type { Operation } from '../operation.js';
import { createUser, getCurrentAccount, listAuditEntries, listRevealRates, listUsers, login, logout, revokeUser } from './access-operations.js';
import { archiveArea, archiveRound, unarchiveArea, unarchiveRound } from './archive-operations.js';
import { createRules, createTemplate, getLevels, getRules, getTemplate, listRules, listTemplates, setLevels } from './campaign-operations.js';
import { getAreaCounts, listBuildingCounts, listLevelCounts } from './count-operations.js';
import { getIngestStats, submitEvents } from './event-operations.js';
import { getHealth } from './health-operations.js';
import { commitImport, getRosterTemplate, previewImport, uploadImport } from './import-operations.js';
import { listSweepAssignments, submitRosterChange } from './sweep-operations.js';
import { exportDailyReport, exportLedger } from './report-operations.js';
import { createRound, getRound, getRoundCampaign, getRoundHistory, listRounds, updateRound } from './round-operations.js';
import {
  createArea,
  createBuilding,
  createHousehold,
  createMember,
  getArea,
  getAreaCollection,
  getAreaTile,
  getHousehold,
  listAreaBuildings,
  listAreas,
  listBuildingHouseholds,
  revealMember,
} from './territory-operations.js';

/**
 * Every HTTP operation of the API by its operationId. The server registers
 * exactly these (a route missing here, or an operation without a route, fails
 * its start), the API document is generated from them, and clients take their
 * paths, types and answer checks from them.
 */
export const OPERATIONS = {
  login,
  logout,
  getCurrentAccount,
  listUsers,
  createUser,
  revokeUser,
  listAuditEntries,
  listRevealRates,
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
  listRounds,
  getRound,
  createRound,
  updateRound,
  getRoundCampaign,
  getRoundHistory,
  archiveRound,
  unarchiveRound,
  archiveArea,
  unarchiveArea,
  listTemplates,
  getTemplate,
  createTemplate,
  listRules,
  getRules,
  createRules,
  getLevels,
  setLevels,
  getAreaCounts,
  listLevelCounts,
  listBuildingCounts,
  exportDailyReport,
  exportLedger,
  submitEvents,
  listSweepAssignments,
  submitRosterChange,
  getIngestStats,
  getHealth,
  uploadImport,
  previewImport,
  commitImport,
  getRosterTemplate,
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof OPERATIONS;
