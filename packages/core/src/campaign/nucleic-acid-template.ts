import type { CampaignTemplate } from './template.js';

/** The first template: a round of door-to-door nucleic-acid testing (全员核酸). */
export const NUCLEIC_ACID_TEMPLATE: CampaignTemplate = {
  id: 'nucleic-acid',
  version: 1,
  name: { zh: '全员核酸扫楼', en: 'Nucleic-acid testing sweep' },
  householdOutcome: {
    id: 'outcome',
    name: { zh: '入户结果', en: 'Visit outcome' },
    options: [
      { id: 'visited', name: { zh: '已入户', en: 'Visited' }, counts: 'visited' },
      { id: 'no_answer', name: { zh: '无人应答', en: 'No answer' }, counts: 'no_answer' },
      { id: 'vacant', name: { zh: '空置', en: 'Vacant' }, counts: 'vacant' },
      { id: 'refused', name: { zh: '拒绝', en: 'Refused' }, counts: 'refused' },
    ],
  },
  memberStatus: {
    id: 'test',
    name: { zh: '核酸检测', en: 'Nucleic-acid test' },
    options: [
      { id: 'tested', name: { zh: '已检测', en: 'Tested' }, counts: 'done' },
      { id: 'not_tested', name: { zh: '未检测', en: 'Not tested' }, counts: 'not_done' },
      { id: 'exempt', name: { zh: '免检', en: 'Exempt' }, counts: 'exempt' },
      { id: 'away', name: { zh: '外出', en: 'Away' }, counts: 'away' },
    ],
  },
  memberMarker: {
    id: 'code',
    name: { zh: '健康码', en: 'Health code' },
    options: [
      { id: 'green', name: { zh: '绿码', en: 'Green' }, counts: 'green' },
      { id: 'yellow', name: { zh: '黄码', en: 'Yellow' }, counts: 'yellow' },
      { id: 'red', name: { zh: '红码', en: 'Red' }, counts: 'red' },
      { id: 'unknown', name: { zh: '未知', en: 'Unknown' }, counts: 'unknown' },
    ],
  },
  specialGroups: [
    { id: 'elderly_alone', name: { zh: '独居老人', en: 'Elderly living alone' } },
    { id: 'disabled', name: { zh: '残疾人', en: 'Disabled' } },
    { id: 'pregnant', name: { zh: '孕妇', en: 'Pregnant' } },
    { id: 'bedridden', name: { zh: '长期卧床', en: 'Bedridden' } },
    { id: 'infant', name: { zh: '婴幼儿', en: 'Infant' } },
    { id: 'chronic', name: { zh: '慢性病', en: 'Chronic illness' } },
    { id: 'other', name: { zh: '其他', en: 'Other' } },
  ],
};
