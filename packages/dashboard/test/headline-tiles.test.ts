import { ELDERLY_VACCINATION_RULES, ELDERLY_VACCINATION_TEMPLATE, NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE, type AreaCounts, type CampaignTemplate, type CountingRules } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import type { AreaCountsRow, RoundCampaign } from '../src/lib/api/types.js';
import { measuresOf } from '../src/lib/measures/campaign-measures.js';
import { headlineTiles, type HeadlineTileSpec } from '../src/lib/measures/headline-tiles.js';
import { areaCounts } from './area-counts.js';
import { figureWords } from './figure-words.js';

const MICROGRID = { zh: '微网格', en: 'Micro-grid' };

function campaignOf(template: CampaignTemplate, rules: CountingRules): RoundCampaign {
  const round = { id: 'r-1', name: 'r', templateId: template.id, templateVersion: 1, rulesId: rules.id, rulesVersion: 1, areaId: 'city-1', startsAt: 0 };
  return { round, template, rules };
}

function tilesOf(campaign: RoundCampaign, root: AreaCounts | undefined, rows: readonly AreaCountsRow[] = [], shown = rows.length): HeadlineTileSpec[] {
  const input = { campaign, measures: measuresOf(campaign.template, campaign.rules), root, rows: new Map(rows.map((row) => [row.areaId, row])), shown, level: MICROGRID };
  return headlineTiles(input, figureWords('zh'));
}

const plain = (tile: HeadlineTileSpec) => (typeof tile.value === 'string' ? tile.value : tile.value.map((part) => part.text).join(''));

describe("the wall's headline tiles", () => {
  const nucleic = campaignOf(NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES);
  const census = campaignOf(ELDERLY_VACCINATION_TEMPLATE, ELDERLY_VACCINATION_RULES);

  it("speak a test round's words: coverage, households, members tested, red and yellow codes in their tones, 无疫 micro-grids", () => {
    const root = areaCounts({ households: { total: 4, toVisit: 4, visited: 2 }, members: { total: 3, eligible: 3, done: 1 }, markers: { green: 1, yellow: 0, red: 1, unknown: 1 } });
    const tiles = tilesOf(nucleic, root);
    expect(tiles.map((tile) => [tile.testid, tile.label, plain(tile)])).toEqual([
      ['tile-coverage', '总覆盖率', '50%'],
      ['tile-households', '已扫户数 / 应扫户数', '2 / 4'],
      ['tile-members', '已检测 / 应检人数', '1 / 3'],
      ['tile-codes', '红黄码', '1 · 0'],
      ['tile-goal', '无疫微网格', '—'],
    ]);
    expect(tiles[3]!.value).toEqual([{ text: '1', tone: 'alert' }, { text: ' · ' }, { text: '0', tone: 'warning' }]);
  });

  it("speak a census round's own words, its goal named by its rules", () => {
    const root = areaCounts({ households: { total: 10, toVisit: 8, visited: 2 }, members: { total: 5, eligible: 4, done: 3 }, markers: { wants: 2, no: 1 } });
    expect(tilesOf(census, root).map((tile) => [tile.testid, tile.label, plain(tile)])).toEqual([
      ['tile-coverage', '总入户率', '25%'],
      ['tile-households', '已扫户数 / 应扫户数', '2 / 8'],
      ['tile-members', '全程接种 / 应接种人数', '3 / 4'],
      ['tile-homeRequests', '上门接种需求', '2'],
      ['tile-goal', '摸排完成微网格', '—'],
    ]);
  });

  it("count the areas on the map that meet the rules' goal, of all shown", () => {
    const done = areaCounts({ households: { total: 2, toVisit: 2, visited: 2 }, members: { total: 2, eligible: 2, done: 2, reached: 2 }, markers: { green: 2, yellow: 0, red: 0, unknown: 0 } });
    const redCode = areaCounts({ ...done, markers: { green: 1, yellow: 0, red: 1, unknown: 0 } });
    const rows = [{ areaId: 'mg-1', counts: done }, { areaId: 'mg-2', counts: redCode }];
    expect(plain(tilesOf(nucleic, done, rows, 4).at(-1)!)).toBe('1 / 4');
    // The census has no health code: both micro-grids are fully reached, so both are complete.
    expect(plain(tilesOf(census, done, rows, 4).at(-1)!)).toBe('2 / 4');
  });

  it('show no goal tile when the rules set no goal', () => {
    const noGoal = campaignOf(ELDERLY_VACCINATION_TEMPLATE, { ...ELDERLY_VACCINATION_RULES, goal: null });
    expect(tilesOf(noGoal, areaCounts()).map((tile) => tile.testid)).not.toContain('tile-goal');
  });

  it('say nothing is known before the first counts', () => {
    expect(tilesOf(nucleic, undefined).map(plain)).toEqual(['—', '— / —', '— / —', '—', '—']);
  });
});
