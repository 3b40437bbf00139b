import type { LedgerKind } from '@gridsweep/contract';
import { householdLabel, maskName, maskPhone, type Area, type CampaignTemplate, type Member, type Round } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { Campaign } from '../campaigns/campaign-catalogue.js';
import type { Database } from '../db/schema.js';
import type { RosterTerritory } from '../roster-territory.js';
import { householdsWithin, type LedgerHousehold } from './ledger-source.js';
import { fittedWidth, type Cell, type ColumnKind, type TableSink } from './table-sink.js';


export interface LedgerSources {
  readonly db: Kysely<Database>;
  readonly territory: RosterTerritory;
  /** The counting engine's values: a ledger never disagrees with the counts. */
  readonly householdValues: (roundId: string, householdId: string) => Readonly<Record<string, string>> | undefined;
  readonly memberValues: (roundId: string, memberId: string) => Readonly<Record<string, string>> | undefined;
}

export interface LedgerRequest {
  readonly kind: LedgerKind;
  readonly round: Round;
  readonly campaign: Campaign;
  readonly area: Area;
  /** Names and phones in full: only for a caller allowed to reveal who gave a reason, audited by the caller of this. */
  readonly reveal: boolean;
}

/** The marker options a ledger lists people for: those that warn or alert (黄码, 红码; 希望上门接种). */
export function alarmingOptions(template: CampaignTemplate) {
  return template.member.marker?.options.filter((option) => option.tone === 'alert' || option.tone === 'warning') ?? [];
}

/** The ledger's title, which names its sheet and its file. */
export function ledgerTitle(kind: LedgerKind, template: CampaignTemplate): string {
  if (kind === 'special-groups') return '特殊人群台账';
  if (kind === 'not-visited') return '未入户清单';
  return `${template.member.marker?.name.zh ?? '标记'}台账（${alarmingOptions(template).map((option) => option.name.zh).join('、')}）`;
}

function optionName(field: { readonly options: readonly { readonly id: string; readonly name: { readonly zh: string } }[] }, optionId: string | undefined, none: string): string {
  if (optionId === undefined) return none;
  return field.options.find((option) => option.id === optionId)?.name.zh ?? optionId;
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly kind?: ColumnKind;
}

const PLACE: readonly Column[] = [
  { header: '上级区域', width: 14 },
  { header: '微网格', width: 14 },
  { header: '楼栋', width: 12 },
  { header: '单元', width: 6, kind: 'integer' },
  { header: '房号', width: 8 },
];

/**
 * 台账: the special-group members of an area and whether their household was
 * visited; the households still to visit (the mop-up list); the members whose
 * marker warns or alerts. Names and phones are masked unless `reveal`.
 * Returns the number of rows written.
 */
export async function writeLedger(sink: TableSink, request: LedgerRequest, sources: LedgerSources): Promise<number> {
  const { kind, round, campaign, reveal } = request;
  const { template } = campaign;
  const { outcome } = template.household;
  const { status, marker } = template.member;
  const name = (member: Member) => (reveal ? member.name : maskName(member.name));
  const phone = (member: Member | undefined) => (member?.phone ? (reveal ? member.phone : maskPhone(member.phone)) : '');
  const latestBirthYear = template.population.minAge === null ? null : new Date(round.startsAt).getUTCFullYear() - template.population.minAge;
  const inPopulation = (member: Member) => latestBirthYear === null || (member.birthYear != null && member.birthYear <= latestBirthYear);
  const groupNames = new Map(template.specialGroups.map((group) => [group.id, group.name.zh]));
  const outcomeKind = (optionId: string | undefined) => outcome.options.find((option) => option.id === optionId)?.counts;
  const alarming = new Set(alarmingOptions(template).map((option) => option.id));

  const place = ({ microgrid, building, household }: LedgerHousehold): Cell[] => [
    microgrid.parentId === null ? '' : (sources.territory.area(microgrid.parentId)?.name ?? ''),
    microgrid.name,
    building.name,
    household.unit,
    household.room,
  ];
  const visitOf = (entry: LedgerHousehold) => {
    const optionId = sources.householdValues(round.id, entry.household.id)?.[outcome.id];
    const visited = !entry.household.vacant && outcomeKind(optionId) === 'visited';
    const shown = entry.household.vacant ? '空置（底册）' : optionName(outcome, optionId, '未走访');
    return { optionId, visited, shown };
  };
  const statusOf = (member: Member) => optionName(status, sources.memberValues(round.id, member.id)?.[status.id], '未登记');

  let columns: Column[];
  let rowsOf: (entry: LedgerHousehold) => Cell[][];
  if (kind === 'special-groups') {
    columns = [...PLACE, { header: '姓名', width: 10 }, { header: '电话', width: 14 }, { header: '特殊人群', width: 20 }, { header: '入户结果', width: 12 }, { header: '是否入户', width: 8 }, { header: status.name.zh, width: 10 }];
    rowsOf = (entry) => {
      const members = entry.members.filter((member) => inPopulation(member) && member.tags.some((tag) => groupNames.has(tag)));
      if (members.length === 0) return [];
      const visit = visitOf(entry);
      return members.map((member) => [
        ...place(entry),
        name(member),
        phone(member),
        member.tags.filter((tag) => groupNames.has(tag)).map((tag) => groupNames.get(tag)!).join('、'),
        visit.shown,
        visit.visited ? '是' : '否',
        statusOf(member),
      ]);
    };
  } else if (kind === 'not-visited') {
    columns = [...PLACE, { header: '门牌', width: 12 }, { header: '户内人数', width: 8, kind: 'integer' }, { header: '入户结果', width: 12 }, { header: '联系人', width: 10 }, { header: '电话', width: 14 }];
    rowsOf = (entry) => {
      const visit = visitOf(entry);
      if (entry.household.vacant || visit.visited || outcomeKind(visit.optionId) === 'vacant') return [];
      const contact = entry.members[0];
      return [[...place(entry), householdLabel(entry.household), entry.members.length, visit.shown, contact ? name(contact) : '', phone(entry.members.find((member) => member.phone))]];
    };
  } else {
    if (!marker) throw new Error('the template has no marker');
    columns = [...PLACE, { header: '姓名', width: 10 }, { header: '电话', width: 14 }, { header: marker.name.zh, width: 12 }, { header: status.name.zh, width: 10 }, { header: '是否入户', width: 8 }];
    rowsOf = (entry) => {
      const rows: Cell[][] = [];
      for (const member of entry.members) {
        if (!inPopulation(member)) continue;
        const optionId = sources.memberValues(round.id, member.id)?.[marker.id] ?? marker.unrecorded ?? undefined;
        if (optionId === undefined || !alarming.has(optionId)) continue;
        rows.push([...place(entry), name(member), phone(member), optionName(marker, optionId, ''), statusOf(member), visitOf(entry).visited ? '是' : '否']);
      }
      return rows;
    };
  }

  await sink.beginSheet(ledgerTitle(kind, template), columns.map((column) => ({ header: column.header, kind: column.kind ?? 'text', width: fittedWidth(column.header, column.width) })));
  let written = 0;
  for await (const entry of householdsWithin(sources.db, sources.territory, request.area)) {
    for (const row of rowsOf(entry)) {
      await sink.row(row);
      written++;
    }
  }
  await sink.endSheet();
  return written;
}
