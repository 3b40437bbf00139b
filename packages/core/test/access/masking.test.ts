import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from '../../src/index.js';

describe('masking personal data', () => {
  it.each([
    ['张三明', '张*明'],
    ['张三', '张*'],
    ['欧阳小明', '欧**明'],
    ['王', '*'],
    ['John Smith', 'J********h'],
    ['  李四  ', '李*'],
  ])('the name %s shows as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+8613812345678', '+86*******5678'],
    ['87654321', '******21'],
    ['12', '**'],
  ])('the phone number %s shows as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('an ID number keeps its first four and last two characters only', () => {
    expect(maskIdNumber('35010219800101123X')).toBe('3501************3X');
  });

  it('no masked name or phone contains the middle of the original', () => {
    expect(maskName('张三明')).not.toContain('三');
    expect(maskPhone('13812345678')).not.toContain('1234');
  });
});
