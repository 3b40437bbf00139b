import type { CampaignTemplate } from './template.js';

/**
 * The second template: the census of older people's vaccination (老年人疫苗接种摸排).
 * Two doses complete the primary course (全程接种); a third is the booster.
 */
export const ELDERLY_VACCINATION_TEMPLATE: CampaignTemplate = {
  id: 'elderly-vaccination',
  version: 1,
  name: { zh: '老年人疫苗接种摸排', en: 'Elderly vaccination census' },
  household: {
    outcome: {
      id: 'outcome',
      name: { zh: '入户结果', en: 'Visit outcome' },
      options: [
        { id: 'visited', name: { zh: '已入户', en: 'Visited' }, counts: 'visited' },
        { id: 'no_answer', name: { zh: '无人应答', en: 'No answer' }, counts: 'no_answer' },
        { id: 'vacant', name: { zh: '空置', en: 'Vacant' }, counts: 'vacant' },
        { id: 'refused', name: { zh: '拒绝', en: 'Refused' }, counts: 'refused' },
        { id: 'moved', name: { zh: '已搬离', en: 'Moved out' }, counts: 'vacant' },
      ],
    },
    details: [{ id: 'note', name: { zh: '备注', en: 'Note' }, type: 'text', maxLength: 200 }],
  },
  member: {
    status: {
      id: 'doses',
      name: { zh: '接种剂次', en: 'Doses received' },
      options: [
        { id: 'none', name: { zh: '未接种', en: 'None' }, counts: 'not_done' },
        { id: 'one', name: { zh: '1剂', en: '1 dose' }, counts: 'not_done' },
        { id: 'two', name: { zh: '2剂', en: '2 doses' }, counts: 'done' },
        { id: 'three_plus', name: { zh: '3剂及以上', en: '3 doses or more' }, counts: 'done' },
        { id: 'contraindicated', name: { zh: '禁忌症', en: 'Contraindicated' }, counts: 'exempt' },
        { id: 'away', name: { zh: '外出', en: 'Away' }, counts: 'away' },
      ],
    },
    marker: {
      id: 'home_vaccination',
      name: { zh: '上门接种意愿', en: 'Home vaccination wanted' },
      options: [
        { id: 'wants', name: { zh: '希望上门接种', en: 'Wants home vaccination' }, tone: 'warning' },
        { id: 'no', name: { zh: '不需要', en: 'Not needed' }, tone: 'neutral' },
      ],
      unrecorded: null,
    },
    details: [
      { id: 'last_dose_date', name: { zh: '末次接种日期', en: 'Last dose' }, type: 'date' },
      {
        id: 'contraindication_reason',
        name: { zh: '禁忌症说明', en: 'Contraindication' },
        type: 'text',
        maxLength: 100,
        requiredWhen: { field: 'doses', options: ['contraindicated'] },
      },
    ],
  },
  population: { minAge: 60, name: { zh: '60岁及以上老人', en: 'People aged 60 and over' } },
  specialGroups: [
    { id: 'elderly_alone', name: { zh: '独居老人', en: 'Elderly living alone' } },
    { id: 'disabled', name: { zh: '残疾人', en: 'Disabled' } },
    { id: 'bedridden', name: { zh: '长期卧床', en: 'Bedridden' } },
    { id: 'chronic', name: { zh: '慢性病', en: 'Chronic illness' } },
  ],
  words: {
    members: { zh: '60岁及以上人数', en: 'People aged 60+' },
    done: { zh: '全程接种', en: 'Fully vaccinated' },
    doneRate: { zh: '全程接种率', en: 'Fully vaccinated' },
    eligible: { zh: '应接种人数', en: 'People to vaccinate' },
    reached: { zh: '已摸排人数', en: 'People reached' },
  },
  measures: [
    { id: 'coverage', kind: 'share', name: { zh: '入户率', en: 'Households visited' }, numerator: 'households.visited', denominator: 'households.toVisit' },
    { id: 'reached', kind: 'share', name: { zh: '60岁以上摸排率', en: 'People 60+ reached' }, numerator: 'members.reached', denominator: 'members.total' },
    { id: 'fullyVaccinated', kind: 'share', name: { zh: '全程接种率', en: 'Fully vaccinated' }, numerator: 'members.done', denominator: 'members.eligible' },
    { id: 'homeRequests', kind: 'count', name: { zh: '上门接种需求', en: 'Home vaccination requests' }, count: 'markers.wants' },
    { id: 'specialGroups', kind: 'specialGroups', name: { zh: '特殊人群未入户', en: 'Special groups not reached' } },
  ],
  quickFills: [
    { id: 'visited-fully', name: { zh: '已入户 · 全程接种', en: 'Visited · fully vaccinated' }, household: { outcome: 'visited' }, member: { doses: 'two' } },
  ],
};
