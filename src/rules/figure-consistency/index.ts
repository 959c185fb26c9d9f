import { defineRule } from '../../rule.js';
import { DEFAULT_CHECKS, meta, type Checks, type Context } from './meta.js';
import { checkApproximate, checkApproximateTwice } from './approximate.js';
import { checkChanges } from './changes.js';
import { analyse, type CheckContext } from './paragraphs.js';
import { checkBracketParts, checkPartsAndWholes } from './part-whole.js';
import { checkRates, checkShareOver100 } from './rates.js';
import { checkStatedTwice } from './stated-twice.js';
import { RATES } from './words.js';

export { isRoundNumeral } from '../../document/facts/figures.js';
export { RATES, type RateDefinition } from './words.js';

/**
 * figure-consistency: the figures of a report agree with each other (and with last year's report).
 *
 * Seven checks, all on factsOf(document).figures (src/document/facts/figures.ts), each one switchable:
 *   partWhole           共N件，其中a件、b件 — a part above the whole, parts adding up to more than the
 *                       whole, parts said to be all of it (分别为) that do not add up, 占比 that the
 *                       part and the whole contradict; parts in brackets right after their whole
 *                       (共建设项目85个（新建项目60个、续建项目24个）) that split it by exclusive
 *                       modifiers (新建/续建, 线上/线下, 市级/区级 …) and do not add up;
 *   statedTwice         the same quantity (same clause wording, label and unit) stated with different
 *                       values in two places, reported at the second;
 *   shareOver100        a rate or share (…率, 占比, 比例) above 100% (changes such as 增长150% are not shares);
 *   rateFromCounts      a rate the report's own counts contradict (受理380件，办结372件，办结率99%);
 *   changeFromPrevious  with --previous: 较上年/同比/比{N-1}年 增长|减少 X% or X件 against last year's figure;
 *   approximateNonRound an exact, non-round number with 余/多 (39余件, 56.78万余元) — a warning;
 *   approximateTwice    two approximations on one figure (约3000余人, 近100多家, 超过90%以上) — a warning.
 *
 * Precision first. Labels come from a heuristic extractor, so a figure takes part in a comparison
 * across sentences only when nothing suggests another scope: same unit, same label, same words
 * before the number once scope words (全年 全区 我局 共 …) are trimmed, exact (not 余/约/以上),
 * not a percentage, ending its clause, not in another year's sentence, the plan section or a
 * rectification/shortcomings section, not a part of an enumeration (其中, 分别), not a change (增加3件).
 * Within a sentence the relations are read from its wording: 其中 / 分别为 after a whole, a rate's
 * numerator and denominator from a small table of rate names (办结率 ← 办结 / 受理).
 */

export { meta, DEFAULT_CHECKS, type Checks, type Context, type MessageId, type Options } from './meta.js';

// --- the rule ----------------------------------------------------------------------------------

export function check(ctx: Context): void {
  const options = ctx.options;
  const checks: Checks = { ...DEFAULT_CHECKS, ...(options.checks ?? {}) };
  const extra = options.rates ?? [];
  const rates = [...RATES.filter((r) => !extra.some((e) => e.name === r.name)), ...extra];
  const info = analyse(ctx.document);
  const context: CheckContext = { rule: ctx, info, options, checks, rates, reported: new Set() };
  for (const para of info.paragraphs) {
    if (para.figures.length === 0) continue;
    if (checks.shareOver100) checkShareOver100(context, para);
    // (a table's parts and totals are table-total's: its rows are no 共…其中 sentence)
    if (checks.partWhole && !para.table) {
      checkPartsAndWholes(context, para);
      checkBracketParts(context, para);
    }
    if (checks.rateFromCounts) checkRates(context, para);
  }
  if (checks.statedTwice) checkStatedTwice(context);
  if (checks.changeFromPrevious && ctx.previous) checkChanges(context, analyse(ctx.previous));
  if (checks.approximateNonRound) checkApproximate(context);
  if (checks.approximateTwice) checkApproximateTwice(context);
}

export default defineRule({ meta, check });
