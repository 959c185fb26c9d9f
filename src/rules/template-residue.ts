import type { DocumentModel, TextBlock } from '../document/model.js';
import { factsOf } from '../document/facts/index.js';
import { sourceOffset } from '../document/position.js';
import { defineMeta, defineRule, type ContextOf, type OptionsOf } from '../rule.js';

/**
 * template-residue: placeholders and template text left in a draft.
 *
 * - placeholders: XX局, ××, ○○ in the title, a heading, the addressee or the signature (a report
 *   does not hide its own name); placeholders of a figure or a date anywhere (20XX年, XX月XX日,
 *   XX件, 〔2024〕XX号); placeholders of a government body or a unit anywhere (XX局, XX单位, XX同志);
 * - a document number without its number: 〔 〕号, 〔2024〕号;
 * - brackets left empty: 〔 〕, 【 】, （ ）;
 * - the template's instructions: （此处填写……）, （请根据实际情况补充）, （填写……）;
 * - fields of a form left in 【】: 【2022年】, 【单位名称】;
 * - fill-in lines: ____年____月;
 * - a numbered heading with no text: 「（三）」 alone on its line.
 *
 * ×× and XX also stand for names that a published report hides on purpose: 对××公司作出行政处罚,
 * 当事人王××, ××村村民. Those (a placeholder in the body before a company, a village, a shop, after a
 * surname …) are anonymisation, not residue, and are left alone unless `anonymised` is true.
 * X射线, X光 (one X), XXL and Roman numerals inside Latin text are not placeholders.
 *
 * 上一年度 / 下一年度 in a heading (一、上一年度推进法治政府建设的主要举措和成效) are template words
 * too, but relative-time reports them, with the year as the fix: this rule leaves them alone, so
 * that they are reported once.
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;

export const meta = defineMeta({
  id: 'template-residue',
  description: {
    zh: '草稿中遗留的模板内容：占位符（XX局、20XX年）、缺号的文号（〔 〕号）、填写说明、空括号、只有序号的标题',
    en: 'Template text left in a draft: placeholders (XX局, 20XX年), document numbers without a number (〔 〕号), instructions, empty brackets, headings with only an ordinal',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: false,
  options: {
    anonymised: {
      type: 'boolean',
      description: 'Also report ×× / XX that hide a name in a case description (对××公司作出处罚, 王××); default false.',
    },
    allow: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description: 'Text that is right where it stands although it looks like a placeholder (a product or code name with XX).',
    },
  },
  defaultOptions: { anonymised: false, allow: [] as string[] },
  messages: {
    placeholder: {
      zh: '「{{text}}」是模板占位符，应填写实际内容',
      en: '"{{text}}" is a placeholder of the template; fill in what it stands for',
    },
    anonymised: {
      zh: '「{{text}}」是隐去的名称，请确认公开文本中应当隐去',
      en: '"{{text}}" hides a name; make sure the published text should hide it',
    },
    docNumber: {
      zh: '文号「{{text}}」缺少序号',
      en: 'The document number "{{text}}" lacks its serial number',
    },
    docNumberYear: {
      zh: '文号「{{text}}」缺少年份和序号',
      en: 'The document number "{{text}}" lacks its year and serial number',
    },
    emptyBracket: {
      zh: '「{{text}}」是空括号，应填写内容或删除',
      en: '"{{text}}" is an empty bracket; fill it in or delete it',
    },
    instruction: {
      zh: '「{{text}}」是模板中的填写说明，应删除并写入实际内容',
      en: '"{{text}}" is an instruction of the template; replace it with the content',
    },
    formField: {
      zh: '「{{text}}」是模板或表单中的方括号栏目，应改为正文',
      en: '"{{text}}" is a field of a template or form in brackets; write it as text',
    },
    blank: {
      zh: '填空横线「{{text}}」未填写',
      en: 'The blank "{{text}}" is not filled in',
    },
    emptyHeading: {
      zh: '标题「{{text}}」只有序号，没有标题文字',
      en: 'The heading "{{text}}" has an ordinal and no text',
    },
  },
  tags: ['template', 'style'],
});

/** the characters that placeholders are written with */
const PH = 'XxＸｘ×✕╳';
/** a run of two or more placeholder characters; 20XX年 is found by YEAR first */
const PLACEHOLDER = /[XxＸｘ]{2,}|[×✕╳]{2,}|○{2,}/g;
/** a figure or date stands there: the placeholder is never a hidden name */
const NUMERIC_AFTER = /^(?:年度?|月|日|时|号|件|个|次|项|人|名|家|%|％|万|亿|千|百|元|余|多|场|份|条|篇|期|户|起|宗|批|所|类|天|小时|周|倍|平方米|公里|千米|米|亩|吨|套|台|辆|座|处|栋|间|张|本|册|部|分钟)/;
const NUMERIC_BEFORE = /(?:第|共|达|为|占|约|计|增长|下降|提高|[0-9０-９.．]|〔|〕|\[|\])$/;
/** a government body, a unit or an official: a report names them, it does not hide them */
const BODY_AFTER = /^(?:局|委员会|委|办公室|办|厅|署|政府|人民政府|党委|党组|党工委|管委会|单位|部门|机关|同志|书记|主任|局长|区长|县长|市长|镇长|[省市县区州旗]委|[省市县区州旗]?人大|[省市县区州旗]?政协|[省市县区]?(?:人民)?(?:法院|检察院))/;
/** what a case description hides: a company, a shop, a village … (×× before it) */
const ANON_AFTER = /^(?:有限|股份|公司|企业|集团|商行|商店|超市|店|厂|诊所|门诊|医院|药店|药房|餐厅|餐馆|饭店|酒店|宾馆|小区|村|社区|合作社|工作室|学校|幼儿园|培训|科技|实业|贸易|建筑|物业|网吧|农场|养殖场)/;
/** common surnames: 王×× hides a person */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
/** 20XX年, 20××年, 202X年 */
const YEAR = /(?<![0-9０-９])(?:[12][0-9][XxＸｘ×]{2}|[12][0-9]{2}[XxＸｘ×])(?=\s*年)/g;
/** 〔 〕号, 〔2024〕号, 〔2024〕 号, [2024]号 */
const DOC_NUMBER = /[〔［[]\s*((?:19|20)[0-9]{2})?\s*[〕］\]]\s*号/g;
/** 〔 〕, 【 】, （ ）, ( ) with nothing but spaces inside */
const EMPTY_BRACKET = /〔[\s\u3000]*〕|【[\s\u3000]*】|［[\s\u3000]*］|（[\s\u3000]*）|\([\s\u3000]*\)/g;
/** （此处填写……）, （请根据实际情况补充）, （填写……） */
const INSTRUCTION = /[（(【［[]\s*(?:(?:此处|在此|这里)\s*(?:请\s*)?(?:填写|填入|输入|插入|补充|列举|简述|概述|描述|说明|修改|删除|选择|写明|注明|根据)|请\s*(?:在此处?\s*)?(?:填写|填入|输入|插入|补充|列举|简述|概述|描述|写明|注明|根据(?:本单位|本部门|本地区)?实际)|(?:填写|填入|选填|必填)|(?:可|请)?根据(?:本单位|本部门|本地区|实际)(?:实际)?(?:情况)?(?:填写|补充|增减|撰写))[^（）()【】［］\[\]]{0,60}[）)】］\]]?/g;
/** 【2022年】, 【单位名称】 */
const FORM_FIELD = /【\s*(?:(?:19|20)[0-9X×]{2}\s*年度?|(?:单位|机关|部门|报告单位|填报单位)?(?:名称|全称)|年份|日期|时间|数字|数据|正文|标题)\s*】|［\s*(?:(?:19|20)[0-9]{2}\s*年度?)\s*］/g;
/** ____年____月, ＿＿＿ */
const BLANK = /_{3,}|＿{2,}/g;
/**
 * Which scans a line needs, read from the characters it holds (bits by UTF-16 code unit): one
 * pass over a line with this table costs about a third of one character-class regex test, and a
 * line took up to seven such tests before.
 */
const HOLDS = new Uint8Array(65536);
/** a character each match of PLACEHOLDER and YEAR holds */
const PLACEHOLDER_CHAR = 1;
/** an opening bracket: each match of DOC_NUMBER, INSTRUCTION, FORM_FIELD and EMPTY_BRACKET starts with one */
const OPENING = 2;
/** a character each match of INSTRUCTION holds (此处 在此 这里 请 填 根据) */
const INSTRUCTION_CHAR = 4;
/** FORM_FIELD's brackets */
const FORM_BRACKET = 8;
const BLANK_CHAR = 16;
/** DOC_NUMBER's 号 */
const HAO = 32;
for (const [chars, bit] of [
  ['XxＸｘ×✕╳○', PLACEHOLDER_CHAR], ['〔［[【（(', OPENING], ['此这请填根', INSTRUCTION_CHAR], ['【［', FORM_BRACKET], ['_＿', BLANK_CHAR], ['号', HAO],
] as const) {
  for (const ch of chars) HOLDS[ch.charCodeAt(0)]! |= bit;
}

/** the kinds of characters a text holds, as bits of HOLDS */
function charKinds(text: string): number {
  let kinds = 0;
  for (let i = 0; i < text.length; i++) kinds |= HOLDS[text.charCodeAt(i)]!;
  return kinds;
}

type Zone = 'title' | 'heading' | 'addressee' | 'signature' | 'body';

/** where a source offset lies: the title, a heading, the addressee, the signature or the body */
function zoneAt(doc: DocumentModel, offset: number): Zone {
  const inside = (b: TextBlock | null | undefined) => !!b && offset >= b.span.start.offset && offset < b.span.end.offset;
  if (inside(doc.title)) return 'title';
  if (inside(doc.addressee)) return 'addressee';
  if (doc.signature && (inside(doc.signature.issuer) || inside(doc.signature.date))) return 'signature';
  for (const s of doc.allSections) if (inside(s.heading)) return 'heading';
  return 'body';
}

function masked(mask: Uint8Array | null, start: number, end: number): boolean {
  if (!mask) return false;
  for (let j = start; j < end; j++) if (mask[j]) return true;
  return false;
}

export function check(ctx: Context): void {
  const doc = ctx.document;
  const { options } = ctx;
  const allow = options.allow ?? [];
  for (const { block, mask } of factsOf(doc).lineBlocks) {
    const text = block.text;
    const kinds = charKinds(text);
    if (kinds === 0) continue;
    const taken: Array<[number, number]> = [];
    const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && x < b);
    const report = (a: number, b: number, messageId: 'placeholder' | 'anonymised' | 'emptyBracket' | 'instruction' | 'formField' | 'blank', shown = text.slice(a, b)) => {
      if (masked(mask, a, b) || !free(a, b)) return;
      if (allow.some((w) => { const p = text.indexOf(w, Math.max(0, a - w.length + 1)); return p >= 0 && p < b; })) return;
      taken.push([a, b]);
      ctx.reportAt(block, a, b, { messageId, data: { text: shown } });
    };

    // each scan runs only where the characters it needs are present: most lines hold only （ or (
    const placeholders = (kinds & PLACEHOLDER_CHAR) !== 0;
    if ((kinds & (HAO | OPENING)) === (HAO | OPENING)) for (const m of text.matchAll(DOC_NUMBER)) {
      const a = m.index;
      const b = a + m[0].length;
      if (masked(mask, a, b) || !free(a, b)) continue;
      taken.push([a, b]);
      ctx.reportAt(block, a, b, { messageId: m[1] ? 'docNumber' : 'docNumberYear', data: { text: m[0] } });
    }
    if ((kinds & (INSTRUCTION_CHAR | OPENING)) === (INSTRUCTION_CHAR | OPENING)) for (const m of text.matchAll(INSTRUCTION)) report(m.index, m.index + m[0].length, 'instruction');
    if (kinds & FORM_BRACKET) for (const m of text.matchAll(FORM_FIELD)) report(m.index, m.index + m[0].length, 'formField');
    if (placeholders) for (const m of text.matchAll(YEAR)) report(m.index, m.index + m[0].length + (text[m.index + m[0].length] === '年' ? 1 : 0), 'placeholder');
    if (placeholders) for (const m of text.matchAll(PLACEHOLDER)) {
      const a = m.index;
      const b = a + m[0].length;
      // inside Latin text: XXL, XXXIV, 0xx
      if (/[A-Za-z0-9_]/.test(text[b] ?? '') || /[A-Za-z_]/.test(text[a - 1] ?? '')) continue;
      if (PH.includes(m[0][0]!) && /[A-Za-z]/.test(text[a - 1] ?? '')) continue;
      const after = text.slice(b, b + 6);
      const before = text.slice(Math.max(0, a - 4), a);
      const zone = zoneAt(doc, sourceOffset(block, a));
      // a case in a heading hides its parties as the body does: （一）××公司虚假宣传案, （二）张××违法建设案
      const hidden = zone === 'heading' && (ANON_AFTER.test(after) || (SURNAMES.includes(text[a - 1] ?? '') && !/\p{Script=Han}/u.test(text[a - 2] ?? '')));
      const residue = (zone !== 'body' && !hidden) || NUMERIC_AFTER.test(after) || NUMERIC_BEFORE.test(before) || BODY_AFTER.test(after);
      // the placeholder with what it stands in: XX局, XX月XX日
      let end = b;
      const unit = after.match(NUMERIC_AFTER) ?? after.match(BODY_AFTER);
      if (unit && residue) end = b + unit[0].length;
      if (residue) report(a, end, 'placeholder');
      else if (options.anonymised) report(a, b, 'anonymised');
    }
    if (kinds & OPENING) for (const m of text.matchAll(EMPTY_BRACKET)) report(m.index, m.index + m[0].length, 'emptyBracket');
    if (kinds & BLANK_CHAR) for (const m of text.matchAll(BLANK)) {
      // a line of underscores alone is a rule, not a blank
      if (text.replace(/[_＿\s\u3000]/g, '') === '') continue;
      report(m.index, m.index + m[0].length, 'blank');
    }
  }
  checkEmptyHeadings(ctx);
}

/** （三） alone on its line: a numbered heading without its text */
function checkEmptyHeadings(ctx: Context): void {
  for (const s of ctx.document.allSections) {
    if (!s.ordinal || s.heading.title.trim() !== '' || s.inline) continue;
    const text = s.heading.text.trim();
    if (!text) continue;
    ctx.reportAt(s.heading, 0, s.heading.text.length, { messageId: 'emptyHeading', data: { text } });
  }
}

export default defineRule({ meta, check });
