import { defineMeta, defineRule, type ContextOf, type MessageIdsOf, type OptionsOf } from '../rule.js';

/**
 * personal-info: a report meant for publication must not carry personal information: 居民身份证
 * numbers, mobile numbers, bank card numbers, private e-mail addresses.
 *
 * Precision first, so that statistics, document numbers and credit codes pass:
 * - an ID number is 18 characters (17 digits and a digit or X) with a real province code, a
 *   plausible birth date and the GB 11643 check digit;
 * - a mobile number is 1[3-9] and nine more digits, not part of a longer run of digits and not
 *   an amount (followed by 元, 万 …);
 * - a bank card number is 16–19 digits (possibly in groups of four) that pass the Luhn check,
 *   start like a card (62 UnionPay, 4 Visa, 5 Mastercard, 35 JCB, 60, 9558/9559), and are not an
 *   ID number;
 * - an e-mail address counts only at a personal mail provider (qq.com, 163.com, gmail.com …);
 *   an office's own domain (gov.cn and the like) is public.
 * The message masks the middle of what it found: it never repeats the number in full.
 * The whole source is searched (a number in a link or a code span is published too).
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;
type MessageId = MessageIdsOf<typeof meta>;

const PERSONAL_DOMAINS = [
  'qq.com', 'vip.qq.com', 'foxmail.com', '163.com', 'vip.163.com', '126.com', 'vip.126.com', 'yeah.net', '188.com',
  'sina.com', 'sina.cn', 'vip.sina.com', 'sohu.com', '139.com', '189.cn', 'wo.cn', '21cn.com', 'tom.com',
  'aliyun.com', 'gmail.com', 'googlemail.com', 'hotmail.com', 'outlook.com', 'live.com', 'live.cn', 'msn.com',
  'yahoo.com', 'yahoo.com.cn', 'icloud.com', 'me.com', 'protonmail.com', 'proton.me',
];

export const meta = defineMeta({
  id: 'personal-info',
  description: {
    zh: '待公开的报告中不得出现身份证号、手机号、银行卡号、个人邮箱等个人信息',
    en: 'A report to be published must not carry ID-card, mobile or bank card numbers or private e-mail addresses',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: false,
  options: {
    idCard: { description: 'Report 18-digit 居民身份证 numbers (check digit verified).', type: 'boolean', default: true },
    mobile: { description: 'Report mobile numbers (1[3-9] and nine digits).', type: 'boolean', default: true },
    bankCard: { description: 'Report bank card numbers (16–19 digits passing the Luhn check).', type: 'boolean', default: true },
    email: { description: 'Report e-mail addresses at personal mail providers (qq.com, 163.com, gmail.com …).', type: 'boolean', default: true },
    emailDomains: {
      description: 'Further mail domains to treat as personal (a subdomain matches too).',
      type: 'array',
      items: { type: 'string', minLength: 3 },
      default: [],
    },
    allow: {
      description: 'Numbers and addresses that may be published, such as a public hotline or an office mailbox (digits compared without spaces or hyphens).',
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: [],
    },
  },
  defaultOptions: { idCard: true, mobile: true, bankCard: true, email: true, emailDomains: [], allow: [] },
  messages: {
    idCard: {
      zh: '报告中出现身份证号码（{{masked}}），公开前应删除',
      en: 'An ID-card number ({{masked}}) in a report to be published: remove it',
    },
    mobile: {
      zh: '报告中出现手机号码（{{masked}}），公开前应删除或改用办公电话',
      en: 'A mobile number ({{masked}}) in a report to be published: remove it or give an office number',
    },
    bankCard: {
      zh: '报告中出现银行卡号（{{masked}}），公开前应删除',
      en: 'A bank card number ({{masked}}) in a report to be published: remove it',
    },
    email: {
      zh: '报告中出现个人邮箱（{{masked}}），公开前应删除或改用单位邮箱',
      en: 'A private e-mail address ({{masked}}) in a report to be published: remove it or give the office\'s address',
    },
  },
  tags: ['privacy'],
});

const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
  61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643: province code, birth date, check digit. */
export function isIdNumber(id: string, now = new Date()): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date.getTime() > now.getTime()) return false;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(id[k]) * ID_WEIGHTS[k]!;
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let v = Number(digits[digits.length - 1 - k]);
    if (k % 2 === 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

const CARD_PREFIX = /^(?:62|4|5[1-5]|35|60|9558|9559)/;

function mask(s: string, head: number, tail: number): string {
  return s.slice(0, head) + '*'.repeat(Math.max(1, s.length - head - tail)) + s.slice(s.length - tail);
}

function maskEmail(address: string): string {
  const at = address.indexOf('@');
  const local = address.slice(0, at);
  return `${local[0]}${'*'.repeat(Math.max(3, local.length - 1))}${address.slice(at)}`;
}

/** an amount, a count or a unit right after the digits: not a phone or card number */
const UNIT_AFTER = /^\s*(?:[元万亿千百个件人次份宗户家条项台套元名位%‰]|余|多|美元|港元)/;
const DIGIT_OR_LETTER = /[0-9A-Za-z]/;

// 18-character IDs; card numbers in one run or in groups of four; mobiles, also as 3-4-4
const ID_RE = /\d{17}[\dXx]/g;
const CARD_RE = /\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?/g;
const MOBILE_RE = /1[3-9]\d{9}|1[3-9]\d[ -]\d{4}[ -]\d{4}/g;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

export function check(ctx: Context): void {
  const { document, options } = ctx;
  const source = document.source;
  const allow = new Set((options.allow ?? []).map((a) => a.replace(/[\s-]/g, '').toLowerCase()));
  const domains = [...PERSONAL_DOMAINS, ...(options.emailDomains ?? []).map((d) => d.toLowerCase().replace(/^@/, ''))];
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([x, y]) => a < y && x < b);
  // not part of a longer number, a code or a decimal (13912345678.5)
  const standalone = (a: number, b: number) => !DIGIT_OR_LETTER.test(source[a - 1] ?? '') && !DIGIT_OR_LETTER.test(source[b] ?? '')
    && !/\d[.．]$/.test(source.slice(Math.max(0, a - 2), a)) && !/^[.．]\d/.test(source.slice(b, b + 2));
  const allowed = (s: string) => allow.has(s.replace(/[\s-]/g, '').toLowerCase());

  function report(messageId: MessageId, a: number, b: number, masked: string): void {
    taken.push([a, b]);
    ctx.report({ messageId, data: { masked }, start: a, end: b });
  }

  // no @, no address: spares the regex a try at every letter and digit
  if (options.email !== false && source.includes('@')) {
    EMAIL_RE.lastIndex = 0;
    for (let m = EMAIL_RE.exec(source); m; m = EMAIL_RE.exec(source)) {
      const domain = m[1]!.toLowerCase();
      const personal = domains.some((d) => domain === d || domain.endsWith(`.${d}`));
      const a = m.index;
      const b = a + m[0].length;
      // taken before any number: 13800138000@163.com is one address, reported once
      if (personal && !allowed(m[0])) report('email', a, b, maskEmail(m[0]));
      else taken.push([a, b]); // a public address: its digits are not a phone number either
    }
  }

  if (options.idCard !== false) {
    ID_RE.lastIndex = 0;
    for (let m = ID_RE.exec(source); m; m = ID_RE.exec(source)) {
      const a = m.index;
      const b = a + m[0].length;
      if (!standalone(a, b) || overlaps(a, b) || !isIdNumber(m[0]) || allowed(m[0])) continue;
      report('idCard', a, b, mask(m[0], 4, 4));
    }
  }

  if (options.bankCard !== false) {
    CARD_RE.lastIndex = 0;
    for (let m = CARD_RE.exec(source); m; m = CARD_RE.exec(source)) {
      const a = m.index;
      const b = a + m[0].length;
      const digits = m[0].replace(/[ -]/g, '');
      if (!standalone(a, b) || overlaps(a, b) || allowed(digits)) continue;
      if (digits.length < 16 || digits.length > 19 || !CARD_PREFIX.test(digits) || !luhn(digits)) continue;
      if (digits.length === 18 && isIdNumber(digits)) continue;
      if (UNIT_AFTER.test(source.slice(b, b + 3))) continue;
      report('bankCard', a, b, mask(digits, 4, 4));
    }
  }

  if (options.mobile !== false) {
    MOBILE_RE.lastIndex = 0;
    for (let m = MOBILE_RE.exec(source); m; m = MOBILE_RE.exec(source)) {
      const a = m.index;
      const b = a + m[0].length;
      const digits = m[0].replace(/[ -]/g, '');
      if (!standalone(a, b) || overlaps(a, b) || allowed(digits)) continue;
      // a longer number written in groups ("138 0013 8000 12") is not a phone number
      const before = source.slice(Math.max(0, a - 4), a);
      if (/^[ -]\d/.test(source.slice(b, b + 2)) || (/\d[ -]$/.test(before) && !/(?:^|[^\d])\+?86[ -]$/.test(before))) continue;
      if (UNIT_AFTER.test(source.slice(b, b + 3))) continue;
      report('mobile', a, b, mask(digits, 3, 4));
    }
  }
}

export default defineRule({ meta, check });
