import type { Random } from './random.js';

// Surnames weighted roughly as in Fuzhou, where 林, 陈, 黄 and 郑 lead.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['林', 12], ['陈', 12], ['黄', 7], ['郑', 6], ['王', 5], ['张', 4], ['李', 4], ['吴', 4],
  ['刘', 3], ['杨', 2], ['何', 2], ['周', 2], ['许', 2], ['徐', 2], ['朱', 2], ['高', 2],
  ['谢', 2], ['郭', 2], ['罗', 2], ['叶', 2], ['魏', 1], ['游', 1], ['卓', 1], ['翁', 1],
  ['潘', 1], ['蔡', 1], ['曾', 1], ['肖', 1], ['邱', 1], ['江', 1], ['薛', 1], ['欧阳', 0.2],
];

const GIVEN_MALE = [...'伟强军磊勇杰涛明辉鹏华斌俊峰建国志平文超东晨宇浩然子轩泽洋铭凯恒坤'];
const GIVEN_FEMALE = [...'芳娟敏静丽艳霞秀英玲燕婷雪慧琳颖欣怡雨涵佳梓萱诗晶莉梅兰凤琴'];

export type Sex = 'female' | 'male';

/** A plausible Chinese personal name: a surname and one or two given characters. */
export function personName(random: Random, sex: Sex, surname?: string): string {
  const family = surname ?? random.weighted(SURNAMES);
  const pool = sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const given = random.chance(0.7) ? random.pick(pool) + random.pick(pool) : random.pick(pool);
  return family + given;
}

export function surname(random: Random): string {
  return random.weighted(SURNAMES);
}

/**
 * Every generated phone number starts with 1000: no mobile number in China
 * does (they start 13 to 19), so these can never reach a real person.
 */
export const FAKE_PHONE_PREFIX = '1000';

export function fakePhone(random: Random): string {
  return FAKE_PHONE_PREFIX + String(random.int(0, 9_999_999)).padStart(7, '0');
}
