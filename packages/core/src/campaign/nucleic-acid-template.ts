import type { CampaignTemplate } from './template.js';

/** The first template: a round of door-to-door nucleic-acid testing (全员核酸). */
export const NUCLEIC_ACID_TEMPLATE: CampaignTemplate = {
  id: 'nucleic-acid',
  version: 1,
  name: { zh: '全员核酸扫楼', en: 'Nucleic-acid testing sweep' },
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
      id: 'test',
      name: { zh: '核酸检测', en: 'Nucleic-acid test' },
      options: [
        { id: 'tested', name: { zh: '已检测', en: 'Tested' }, counts: 'done' },
        { id: 'not_tested', name: { zh: '未检测', en: 'Not tested' }, counts: 'not_done' },
        { id: 'exempt', name: { zh: '免检', en: 'Exempt' }, counts: 'exempt' },
        { id: 'away', name: { zh: '外出', en: 'Away' }, counts: 'away' },
      ],
    },
    marker: {
      id: 'code',
      name: { zh: '健康码', en: 'Health code' },
      options: [
        { id: 'green', name: { zh: '绿码', en: 'Green code' }, tone: 'good' },
        { id: 'yellow', name: { zh: '黄码', en: 'Yellow code' }, tone: 'warning' },
        { id: 'red', name: { zh: '红码', en: 'Red code' }, tone: 'alert' },
        { id: 'unknown', name: { zh: '未知', en: 'Unknown' }, tone: 'neutral' },
      ],
      unrecorded: 'unknown',
    },
    details: [
      {
        id: 'exempt_reason',
        name: { zh: '免检原因', en: 'Reason for exemption' },
        type: 'text',
        maxLength: 100,
        requiredWhen: { field: 'test', options: ['exempt'] },
      },
    ],
  },
  population: { minAge: null, name: { zh: '全体居民', en: 'Everyone' } },
  specialGroups: [
    { id: 'elderly_alone', name: { zh: '独居老人', en: 'Elderly living alone' } },
    { id: 'disabled', name: { zh: '残疾人', en: 'Disabled' } },
    { id: 'pregnant', name: { zh: '孕妇', en: 'Pregnant' } },
    { id: 'bedridden', name: { zh: '长期卧床', en: 'Bedridden' } },
    { id: 'infant', name: { zh: '婴幼儿', en: 'Infant' } },
    { id: 'chronic', name: { zh: '慢性病', en: 'Chronic illness' } },
    { id: 'other', name: { zh: '其他', en: 'Other' } },
  ],
  words: {
    members: { zh: '总人数', en: 'People' },
    done: { zh: '已检测', en: 'Tested' },
    doneRate: { zh: '检测率', en: 'Test rate' },
    eligible: { zh: '应检人数', en: 'People to test' },
    reached: { zh: '已入户人数', en: 'People reached' },
  },
  measures: [
    { id: 'coverage', kind: 'share', name: { zh: '覆盖率', en: 'Coverage' }, numerator: 'households.visited', denominator: 'households.toVisit' },
    { id: 'testRate', kind: 'share', name: { zh: '检测率', en: 'Test rate' }, numerator: 'members.done', denominator: 'members.eligible' },
    { id: 'codes', kind: 'markers', name: { zh: '红黄码', en: 'Red and yellow codes' } },
    { id: 'specialGroups', kind: 'specialGroups', name: { zh: '特殊人群未入户', en: 'Special groups not reached' } },
  ],
  quickFills: [
    { id: 'all-tested-green', name: { zh: '全部已检 · 绿码', en: 'All tested · green' }, household: { outcome: 'visited' }, member: { test: 'tested', code: 'green' } },
  ],
};
