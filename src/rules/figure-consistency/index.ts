import { defineMeta, defineRule, type ContextOf, type MessageIdsOf, type OptionsOf } from '../../rule.js';
import { checkApproximate, checkApproximateTwice } from './approximate.js';
import { checkChanges } from './changes.js';
import { analyse, type CheckContext } from './paragraphs.js';
import { checkBracketParts, checkPartsAndWholes } from './part-whole.js';
import { checkRates, checkShareOver100 } from './rates.js';
import { checkStatedTwice } from './stated-twice.js';
import { RATES, type RateDefinition } from './words.js';

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

export interface Checks {
  partWhole: boolean;
  statedTwice: boolean;
  shareOver100: boolean;
  rateFromCounts: boolean;
  changeFromPrevious: boolean;
  approximateNonRound: boolean;
  approximateTwice: boolean;
}

export type Options = OptionsOf<typeof meta>;
export type Context = ContextOf<typeof meta>;
export type MessageId = MessageIdsOf<typeof meta>;

const DEFAULT_CHECKS: Checks = {
  partWhole: true,
  statedTwice: true,
  shareOver100: true,
  rateFromCounts: true,
  changeFromPrevious: true,
  approximateNonRound: true,
  approximateTwice: true,
};

export const meta = defineMeta({
  id: 'figure-consistency',
  description: {
    zh: '报告中的数字前后一致：部分不超过总数，同一数字前后相同，比率与数字相符，与上年比较相符',
    en: 'Figures agree: parts within their whole, one quantity one value, rates that match the counts, changes that match last year',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: false,
  options: {
    tolerance: {
      type: 'number',
      minimum: 0,
      maximum: 10,
      description: 'Percentage points allowed beyond the rounding of the figure as written.',
    },
    window: {
      type: 'integer',
      minimum: 10,
      maximum: 1000,
      description: 'Characters between a rate and the counts it is recomputed from (same sentence too).',
    },
    rates: {
      type: 'array',
      description: 'More rate names with the words of their numerator and denominator counts.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'numerator', 'denominator'],
        properties: {
          name: { type: 'string', minLength: 2 },
          numerator: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          denominator: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        },
      },
    },
    checks: {
      type: 'object',
      additionalProperties: false,
      description: 'Turn single checks on or off.',
      properties: Object.fromEntries(Object.keys(DEFAULT_CHECKS).map((k) => [k, { type: 'boolean' }])),
    },
  },
  defaultOptions: { tolerance: 0.1, window: 120, rates: [] as RateDefinition[], checks: { ...DEFAULT_CHECKS } as Partial<Checks> },
  messages: {
    partExceedsWhole: {
      zh: '部分大于总数：「{{part}}」大于前面的总数「{{whole}}」',
      en: 'A part exceeds its whole: "{{part}}" is more than the total "{{whole}}" before it',
    },
    partsExceedWhole: {
      zh: '各部分之和{{sum}}大于总数「{{whole}}」',
      en: 'The parts add up to {{sum}}, more than the total "{{whole}}"',
    },
    partsDoNotAddUp: {
      zh: '分别列出的各部分之和{{sum}}与总数「{{whole}}」不符',
      en: 'The parts listed (分别) add up to {{sum}}, not to the total "{{whole}}"',
    },
    partsInBracketsDoNotAddUp: {
      zh: '括号内列出的各部分之和{{sum}}与前面的总数「{{whole}}」不符',
      en: 'The parts in brackets add up to {{sum}}, not to the total "{{whole}}" before them',
    },
    shareMismatch: {
      zh: '占比「{{percent}}」与数字不符：{{part}}÷{{whole}}={{computed}}%',
      en: 'The share "{{percent}}" does not match the counts: {{part}} / {{whole}} = {{computed}}%',
    },
    statedTwice: {
      zh: '同一数字前后不一致：「{{label}}」此处为{{value}}，第{{line}}行为{{first}}',
      en: '"{{label}}" is {{value}} here but {{first}} on line {{line}}',
    },
    shareOver100: {
      zh: '比率或占比「{{raw}}」超过100%',
      en: 'The rate or share "{{raw}}" is above 100%',
    },
    rateMismatch: {
      zh: '「{{rate}}{{percent}}」与文中数字不符：{{numerator}}÷{{denominator}}={{computed}}%',
      en: '"{{rate}} {{percent}}" does not match the counts: {{numerator}} / {{denominator}} = {{computed}}%',
    },
    changeMismatch: {
      zh: '与上年报告不符：上年「{{label}}」为{{previous}}（上年报告第{{line}}行），本年为{{current}}，实际{{actual}}，文中为「{{claimed}}」',
      en: 'Does not match last year\'s report: "{{label}}" was {{previous}} (line {{line}} of last year\'s report) and is {{current}} now, a change of {{actual}}, but the text says "{{claimed}}"',
    },
    approximateNonRound: {
      zh: '「{{raw}}」：精确的非整数后不宜加「{{marker}}」，写确数（{{exact}}）或整数概数（如{{round}}）',
      en: '"{{raw}}": an exact, non-round number with "{{marker}}"; write the exact number ({{exact}}) or a round one ({{round}})',
    },
    approximateTwice: {
      zh: '「{{raw}}」：「{{first}}」与「{{second}}」都表示概数，重复使用，只保留其一',
      en: '"{{raw}}": "{{first}}" and "{{second}}" both make the number approximate; keep one',
    },
  },
  tags: ['figures', 'content'],
});

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
    if (checks.partWhole) {
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
