import { defineMeta, type ContextOf, type MessageIdsOf, type OptionsOf } from '../../rule.js';
import type { RateDefinition } from './words.js';

/** figure-consistency's meta, options and message ids (the checks import these types; index.ts runs them). */

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

export const DEFAULT_CHECKS: Checks = {
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
