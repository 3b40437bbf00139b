import type { AreaCounts, CampaignTemplate, ChoiceField, ColourClass, CountingRules } from '@gridsweep/core';
import type { ReportFigures } from './report-figures.js';
import { cutShare, type Cell, type ColumnKind } from './table-sink.js';

/** One row of the daily report: an area, or the totals of a sheet (area null). */
export interface ReportRow {
  readonly level: string;
  readonly areaId: string | null;
  readonly name: string;
  readonly parent: string;
  readonly counts: AreaCounts;
  readonly figures: ReportFigures;
}

export interface ReportColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  readonly value: (row: ReportRow) => Cell;
  /** The value names the area (its level, id, name, parent): read from the area alone, not its counts. */
  readonly naming?: true;
}

const COLOURS: Record<ColourClass, string> = { red: '红色', orange: '橙色', yellow: '黄色', green: '绿色', grey: '灰色' };

/** The name the template gives the first option counted as `kind` (e.g. 免检 or 禁忌症 for exempt), or a plain word. */
function optionName<K extends string>(field: ChoiceField<K>, kind: K, fallback: string): string {
  return field.options.find((option) => option.counts === kind)?.name.zh ?? fallback;
}

/**
 * The daily report's columns, read from the round's template and rules: the
 * household outcomes, the population's statuses, every marker option, every
 * special group, every share measure, the map colour and the goal. A
 * vaccination census gets its own words (60岁及以上人数, 全程接种, 禁忌症)
 * with no code of its own.
 */
export function reportColumns(template: CampaignTemplate, rules: CountingRules): ReportColumn[] {
  const { outcome } = template.household;
  const { status, marker } = template.member;
  const count = (header: string, value: (counts: AreaCounts) => number): ReportColumn => ({ header, kind: 'integer', value: (row) => value(row.counts) });
  const columns: ReportColumn[] = [
    { header: '层级', kind: 'text', value: (row) => row.level, naming: true },
    { header: '区域编号', kind: 'text', value: (row) => row.areaId ?? '', naming: true },
    { header: '区域名称', kind: 'text', value: (row) => row.name, naming: true },
    { header: '上级区域', kind: 'text', value: (row) => row.parent, naming: true },
    count('总户数', (c) => c.households.total),
    count('应入户数', (c) => c.households.toVisit),
    count(optionName(outcome, 'visited', '已入户'), (c) => c.households.visited),
    count(optionName(outcome, 'no_answer', '无人应答'), (c) => c.households.noAnswer),
    count(optionName(outcome, 'refused', '拒绝'), (c) => c.households.refused),
    count(optionName(outcome, 'vacant', '空置'), (c) => c.households.vacant),
    count(template.words.members.zh, (c) => c.members.total),
    count(template.words.eligible.zh, (c) => c.members.eligible),
    count(template.words.done.zh, (c) => c.members.done),
    count(optionName(status, 'exempt', '豁免'), (c) => c.members.exempt),
    count(optionName(status, 'away', '外出'), (c) => c.members.away),
    count(template.words.reached.zh, (c) => c.members.reached),
  ];
  for (const option of marker?.options ?? []) columns.push(count(option.name.zh, (c) => c.markers[option.id] ?? 0));
  for (const group of template.specialGroups) {
    columns.push(count(`${group.name.zh}`, (c) => c.specialGroups[group.id]?.total ?? 0));
    columns.push(count(`${group.name.zh}未入户`, (c) => c.specialGroups[group.id]?.notVisited ?? 0));
  }
  for (const measure of template.measures) {
    if (measure.kind !== 'share') continue;
    columns.push({ header: measure.name.zh, kind: 'percent', value: (row) => cutShare(row.figures.shares[measure.id] ?? null) });
  }
  columns.push({ header: '颜色', kind: 'text', value: (row) => COLOURS[row.figures.colour] });
  if (rules.goal) columns.push({ header: `是否${rules.goal.name.zh}`, kind: 'text', value: (row) => (row.figures.goal ? '是' : '否') });
  return columns;
}
