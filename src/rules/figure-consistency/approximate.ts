/** 39余件: 余/多 after an exact, non-round number (a warning). */
import { factsOf } from '../../document/facts/index.js';
import { report, type CheckContext } from './paragraphs.js';

// 余/多 after an exact number

/**
 * Round: a written integer of two digits or more ending in 0 (10, 30, 200, 1500), or a number
 * written with 万/亿 (5万余元, 1.2万余人). Not round: 39, 1,237, 5, 3.5.
 */
export function isRoundNumeral(numeral: string, value: number): boolean {
  if (/[万亿]/.test(numeral)) return true;
  if (/^[\d,，.．０-９]+$/.test(numeral)) {
    const digits = numeral.replace(/[,，]/g, '');
    if (/[.．]/.test(digits)) return false;
    const n = Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
    return n >= 10 && n % 10 === 0;
  }
  return value >= 10 && value % 10 === 0;
}

export function checkApproximate(context: CheckContext): void {
  const doc = context.info.doc;
  const src = doc.source;
  for (const f of factsOf(doc).figures) {
    if (f.unit === null || f.isPercent || f.range) continue;
    const at = f.raw.indexOf(f.numeral);
    if (at < 0) continue;
    const marker = f.raw[at + f.numeral.length];
    if (marker !== '余' && marker !== '多') continue;
    // 多元化解, 多措并举, 多部门: 多 begins a word
    const rest = f.raw.slice(at + f.numeral.length + 1);
    if (marker === '多' && /^(?:元|措|方|部门|头|样|层|渠道|形式|角度|维)/.test(rest + src.slice(f.end, f.end + 2))) continue;
    const base = /[万亿]/.test(f.numeral) ? f.value : f.value / (f.scale || 1);
    if (isRoundNumeral(f.numeral, base)) continue;
    const exactValue = f.numeral;
    const roundDown = base >= 10 ? Math.floor(base / 10) * 10 : 0;
    const unitText = f.raw.slice(at + f.numeral.length + 1).replace(/(?:左右|以上|以下|以内|上下|之多)$/, '');
    report(context, {
      messageId: 'approximateNonRound',
      data: {
        raw: f.raw,
        marker,
        exact: `${exactValue}${unitText}`,
        round: roundDown > 0 ? `${roundDown}${marker}${unitText}` : `近${Math.ceil(base / 10) * 10}${unitText}`,
      },
      start: f.start,
      end: f.end,
      level: 'warn',
    }, f);
  }
}
