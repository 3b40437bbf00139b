import type { ImportField } from './column-mapping.js';

export type RosterFieldId = 'community' | 'building' | 'unit' | 'room' | 'floor' | 'name' | 'phone' | 'birthYear' | 'specialGroups' | 'vacant';

/** The columns of a household roster (底数清), in the order the downloadable template has them. */
export const ROSTER_FIELDS: readonly ImportField<RosterFieldId>[] = [
  { id: 'community', header: '小区', aliases: ['小区名称', '小区名', '网格', '微网格', 'community', 'estate'], required: false },
  { id: 'building', header: '楼栋', aliases: ['楼栋号', '楼号', '栋', '幢', '楼幢', 'building'], required: true },
  { id: 'unit', header: '单元', aliases: ['单元号', 'unit'], required: true },
  { id: 'room', header: '房号', aliases: ['房间号', '门牌号', '室', '户号', 'room'], required: true },
  { id: 'floor', header: '楼层', aliases: ['层', '所在楼层', 'floor'], required: false },
  { id: 'name', header: '姓名', aliases: ['名字', '居民姓名', '成员姓名', 'name'], required: true },
  { id: 'phone', header: '手机号', aliases: ['手机', '手机号码', '电话', '联系电话', '联系方式', 'phone', 'mobile'], required: false },
  { id: 'birthYear', header: '出生年份', aliases: ['出生年', '出生日期', '出生年月', 'birthyear', 'birth year', 'birthdate'], required: false },
  { id: 'specialGroups', header: '特殊人群', aliases: ['特殊群体', '重点人群', '人群类别', '人员类别', 'specialgroups', 'special groups'], required: false },
  { id: 'vacant', header: '是否空置', aliases: ['空置', '空户', 'vacant'], required: false },
];

/** The headers of the downloadable roster template, in order. */
export const ROSTER_TEMPLATE_HEADERS: readonly string[] = ROSTER_FIELDS.map((field) => field.header);
