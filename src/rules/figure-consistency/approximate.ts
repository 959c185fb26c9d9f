/** 39余件: 余/多 after an exact, non-round number (a warning). */
import { factsOf, nonRoundApproximation } from '../../document/facts/index.js';
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
