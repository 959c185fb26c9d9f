/** 39余件: 余/多 after an exact, non-round number (a warning); 约3000余人: two approximations on one figure. */
import { factsOf, nonRoundApproximation, type Approximation } from '../../document/facts/index.js';
import { report, type CheckContext } from './paragraphs.js';

export function checkApproximate(context: CheckContext): void {
  const doc = context.info.doc;
  for (const f of factsOf(doc).figures) {
    const found = nonRoundApproximation(f, doc.source);
    if (!found) continue;
    const { marker, at, base } = found;
    const exactValue = f.numeral;
    const roundDown = base >= 10 ? Math.floor(base / 10) * 10 : 0;
    const unitText = f.raw.slice(at + 1).replace(/(?:左右|以上|以下|以内|上下|之多)$/, '');
    // 56.78万余元: the round figure keeps the 万 (56万余元)
    const magnitude = /^([\d.．]+)(万亿|万|亿)$/.exec(f.numeral);
    if (magnitude) {
      const whole = Math.floor(Number(magnitude[1]!.replace('．', '.')));
      report(context, {
        messageId: 'approximateNonRound',
        data: { raw: f.raw, marker, exact: `${exactValue}${unitText}`, round: whole > 0 ? `${whole}${magnitude[2]}${marker}${unitText}` : `近1${magnitude[2]}${unitText}` },
        start: f.start,
        end: f.end,
        level: 'warn',
      }, f);
      continue;
    }
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

/** 约, 近 …: the number is about so much. */
const ABOUT = new Set<Approximation>(['约', '大约', '近', '将近', '接近']);
/** 超过, 逾 …: the number is a lower bound, as 余, 多, 以上 say. */
const OVER = new Set<Approximation>(['超过', '逾', '不少于', '不低于']);
const UNDER = new Set<Approximation>(['不足', '不到']);
const AFTER_OVER = new Set<Approximation>(['余', '多', '以上', '之多']);
const AFTER_UNDER = new Set<Approximation>(['以下', '以内']);
const AFTER_ANY = new Set<Approximation>(['余', '多', '左右', '以上', '以下', '以内', '上下', '之多']);

/**
 * Two approximations on one figure: 约3000余人, 大约50人左右, 近100多家, 超过90%以上. Each of them
 * already says the number is not exact; together they say it twice (约…左右) or contradict each
 * other (近…以上). Ranges (三四个月左右) are left alone.
 */
export function checkApproximateTwice(context: CheckContext): void {
  for (const f of factsOf(context.info.doc).figures) {
    if (f.approximations.length < 2 || f.range) continue;
    const first = f.approximations[0]!;
    const second = f.approximations.find((a, k) => k > 0 && AFTER_ANY.has(a));
    if (second === undefined) continue;
    const twice = ABOUT.has(first) || (OVER.has(first) && AFTER_OVER.has(second)) || (UNDER.has(first) && AFTER_UNDER.has(second));
    if (!twice) continue;
    report(context, {
      messageId: 'approximateTwice',
      data: { raw: f.raw, first, second },
      start: f.start,
      end: f.end,
      level: 'warn',
    }, f);
  }
}
