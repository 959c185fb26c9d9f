/** Values of Chinese numerals as used in ordinals and counts (一…九十九, 〇/零). */
const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; null when it is not such a numeral. */
export function smallChineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  if (s.length === 1) {
    if (s === '十') return 10;
    const d = DIGIT[s];
    return d === undefined || d === 0 ? null : d;
  }
  const ten = s.indexOf('十');
  if (ten < 0 || s.indexOf('十', ten + 1) >= 0) return null;
  const tensPart = s.slice(0, ten);
  const onesPart = s.slice(ten + 1);
  const tens = tensPart === '' ? 1 : DIGIT[tensPart];
  const ones = onesPart === '' ? 0 : DIGIT[onesPart];
  if (tens === undefined || ones === undefined || tens === 0 || tensPart.length > 1 || onesPart.length > 1) return null;
  if (onesPart !== '' && ones === 0) return null;
  return tens * 10 + ones;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 0–99 in Chinese counting numerals: 0 → 〇, 3 → 三, 12 → 十二, 20 → 二十, 23 → 二十三; any other
 * number as written in digits. (Ordinals and the fixed expressions of number-usage: 党的二十大.)
 */
export function toChineseNumber(n: number): string {
  if (n === 0) return '〇';
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + DIGITS[ones]!;
}
