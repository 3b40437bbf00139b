import type { Area, AreaCounts, Round } from '@gridsweep/core';
import type { Campaign } from '../campaigns/campaign-catalogue.js';
import type { RosterTerritory } from '../roster-territory.js';
import { reportColumns, type ReportRow } from './report-columns.js';
import { reportFigures, type ReportFigures } from './report-figures.js';
import { displayWidth, fittedWidth, type Cell, type TableSink } from './table-sink.js';

/** What the daily report reads: the area tree and the counting engine's counts (the counts API's own numbers). */
export interface ReportSources {
  readonly territory: RosterTerritory;
  readonly counts: (roundId: string, areaId: string) => AreaCounts;
}

export interface ReportRequest {
  readonly round: Round;
  readonly campaign: Campaign;
  readonly area: Area;
}

/** How wide a cell shows: a count as its digits, a share as 100.0%. */
function widthOf(cell: Cell): number {
  if (cell === null) return 0;
  return typeof cell === 'number' ? Math.max(String(cell).length, 6) : displayWidth(cell);
}

/** The areas of the subtree of `root`, by level, each level in tree order so a parent's children sit together. */
function areasByLevel(territory: RosterTerritory, root: Area): Map<string, Area[]> {
  const byLevel = new Map<string, Area[]>();
  const stack: Area[] = [root];
  while (stack.length > 0) {
    const area = stack.pop()!;
    const list = byLevel.get(area.level);
    if (list) list.push(area);
    else byLevel.set(area.level, [area]);
    const children = territory.children(area.id);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return byLevel;
}

/**
 * 统计报表: one sheet per level from the area's own down to the micro-grids,
 * a row per area with the counts the engine keeps and the figures core's
 * evaluateArea makes of them (see reportFigures), and a totals row that is the area's own counts
 * and figures (a rate of the whole, never a sum of rates). Returns the row count.
 */
export async function writeDailyReport(sink: TableSink, request: ReportRequest, sources: ReportSources): Promise<{ rows: number; microgrids: number }> {
  const { round, campaign, area: root } = request;
  const { territory } = sources;
  const columns = reportColumns(campaign.template, campaign.rules);
  const byLevel = areasByLevel(territory, root);
  const evaluate = (counts: AreaCounts) => reportFigures(counts, campaign.template, campaign.rules);
  const levels = territory.levels.slice(Math.max(0, territory.levels.findIndex((level) => level.id === root.level)));
  const rootCounts = sources.counts(round.id, root.id);
  const rootFigures = evaluate(rootCounts);
  let rows = 0;
  let microgrids = 0;
  for (const level of levels) {
    const areas = byLevel.get(level.id) ?? [];
    if (level === levels[levels.length - 1]) microgrids = areas.length;
    const rowOf = (area: Area, counts: AreaCounts, figures: ReportFigures): ReportRow => ({
      level: level.name.zh,
      areaId: area.id,
      name: area.name,
      parent: area.parentId === null ? '' : (territory.area(area.parentId)?.name ?? ''),
      counts,
      figures,
    });
    const showsTotal = !(areas.length === 1 && areas[0]!.id === root.id);
    const totals = columns.map((column) => column.value({ level: level.name.zh, areaId: null, name: `合计（${root.name}）`, parent: '', counts: rootCounts, figures: rootFigures }));
    // Widths are set before the first row leaves: the totals hold the largest counts, and the names are read
    // from the areas alone, so no row is kept to measure it.
    const widest = totals.map(widthOf);
    for (const area of areas) {
      const named = rowOf(area, rootCounts, rootFigures);
      columns.forEach((column, i) => {
        if (column.naming) widest[i] = Math.max(widest[i]!, widthOf(column.value(named)));
      });
    }
    await sink.beginSheet(level.name.zh, columns.map((column, i) => ({ header: column.header, kind: column.kind, width: fittedWidth(column.header, widest[i]!) })));
    for (const area of areas) {
      const counts = sources.counts(round.id, area.id);
      const row = rowOf(area, counts, evaluate(counts));
      await sink.row(columns.map((column) => column.value(row)));
    }
    if (showsTotal) await sink.row(totals, { total: true });
    await sink.endSheet();
    rows += areas.length;
  }
  return { rows, microgrids };
}
