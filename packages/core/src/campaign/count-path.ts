import type { AreaCounts } from '../engine/area-counts.js';
import type { LocalizedText } from '../text.js';
import type { CampaignTemplate } from './template.js';

/** A number of AreaCounts named by its path, as measures and goal conditions refer to it. */
export type CountPath =
  | 'households.total'
  | 'households.toVisit'
  | 'households.visited'
  | 'households.noAnswer'
  | 'households.refused'
  | 'households.vacant'
  | 'members.total'
  | 'members.eligible'
  | 'members.done'
  | 'members.exempt'
  | 'members.away'
  | 'members.reached'
  | `markers.${string}`;

const HOUSEHOLD_KEYS = ['total', 'toVisit', 'visited', 'noAnswer', 'refused', 'vacant'] as const;
const MEMBER_KEYS = ['total', 'eligible', 'done', 'exempt', 'away', 'reached'] as const;

const HOUSEHOLD_LABELS: Record<(typeof HOUSEHOLD_KEYS)[number], LocalizedText> = {
  total: { zh: '总户数', en: 'Households' },
  toVisit: { zh: '应入户', en: 'Households to visit' },
  visited: { zh: '已入户', en: 'Visited households' },
  noAnswer: { zh: '无人应答', en: 'No answer' },
  refused: { zh: '拒绝', en: 'Refused' },
  vacant: { zh: '空置户', en: 'Vacant households' },
};

/** Whether `path` names a number the template's counts have. */
export function isCountPath(path: string, template: CampaignTemplate): path is CountPath {
  const [group, key, extra] = path.split('.');
  if (extra !== undefined || key === undefined) return false;
  if (group === 'households') return (HOUSEHOLD_KEYS as readonly string[]).includes(key);
  if (group === 'members') return (MEMBER_KEYS as readonly string[]).includes(key);
  if (group === 'markers') return template.member.marker?.options.some((option) => option.id === key) ?? false;
  return false;
}

/** The number at `path`, or null when the counts have no such number. */
export function countAt(counts: AreaCounts, path: string): number | null {
  const dot = path.indexOf('.');
  const group = path.slice(0, dot);
  const key = path.slice(dot + 1);
  const from =
    group === 'households' ? (counts.households as unknown as Record<string, number>) : group === 'members' ? (counts.members as unknown as Record<string, number>) : group === 'markers' ? counts.markers : undefined;
  const value = from?.[key];
  return typeof value === 'number' ? value : null;
}

/** How a number is named in figures and explanations, in the template's words. */
export function countLabel(path: CountPath, template: CampaignTemplate): LocalizedText {
  const [group, key] = path.split('.') as [string, string];
  if (group === 'households') return HOUSEHOLD_LABELS[key as keyof typeof HOUSEHOLD_LABELS];
  if (group === 'markers') return template.member.marker?.options.find((o) => o.id === key)?.name ?? { zh: key, en: key };
  const words = template.words;
  const statusName = (kind: string) => template.member.status.options.find((o) => o.counts === kind)?.name;
  switch (key) {
    case 'total':
      return words.members;
    case 'eligible':
      return words.eligible;
    case 'done':
      return words.done;
    case 'reached':
      return words.reached;
    case 'exempt':
      return statusName('exempt') ?? { zh: '免于', en: 'Exempt' };
    default:
      return statusName('away') ?? { zh: '外出', en: 'Away' };
  }
}

/** What a derived number is made of (to visit = total − vacant), so an explanation can show it; others are their own single part. */
export function countParts(path: CountPath): readonly { readonly path: CountPath; readonly sign: 1 | -1 }[] {
  if (path === 'households.toVisit') return [{ path: 'households.total', sign: 1 }, { path: 'households.vacant', sign: -1 }];
  if (path === 'members.eligible') {
    return [{ path: 'members.total', sign: 1 }, { path: 'members.exempt', sign: -1 }, { path: 'members.away', sign: -1 }];
  }
  return [{ path, sign: 1 }];
}
