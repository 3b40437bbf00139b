// Personal data as every response shows it unless a reveal was asked for:
// enough to tell two doors apart, not enough to look a person up.

const MASK = '*';

/** 张三明 → 张*明, 张三 → 张*, 欧阳小明 → 欧**明, John Smith → J********h. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return MASK;
  if (chars.length === 2) return chars[0] + MASK;
  return chars[0] + MASK.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** 13812345678 → 138****5678; shorter numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.length >= 11) return digits.slice(0, 3) + MASK.repeat(digits.length - 7) + digits.slice(-4);
  if (digits.length <= 2) return MASK.repeat(digits.length);
  return MASK.repeat(digits.length - 2) + digits.slice(-2);
}

/** An 18-character resident ID number keeps its region prefix and check digit: 350102**********1X → 3501************1X. */
export function maskIdNumber(idNumber: string): string {
  const chars = [...idNumber.trim()];
  if (chars.length <= 6) return MASK.repeat(chars.length);
  return chars.slice(0, 4).join('') + MASK.repeat(chars.length - 6) + chars.slice(-2).join('');
}
