import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getValidators } from '../../src/config/validators.js';
import { resolveRuleSet } from '../../src/config/ruleset.js';
import { BUILTINS } from '../../src/engine/config.js';
import type { Rule } from '../../src/rule.js';
import { allRules } from '../../src/rules/index.js';
import { builtinPacks } from '../../src/packs/load.js';
import { ROOT } from '../cli-helpers.js';
import { applyFixes, runRule } from '../helpers.js';

const PACK = JSON.parse(readFileSync(path.join(ROOT, 'rules', 'confusables.json'), 'utf8')) as {
  id: string;
  recommended?: boolean;
  reportType?: string;
  rules: Array<{ id: string; severity: string; checks: Array<{ type: string; replace: Array<{ wrong: string }> }> }>;
};
const CHECKS = PACK.rules[0]!.checks;
let rule: Rule;

beforeAll(async () => {
  const packs = builtinPacks((await getValidators(allRules)).pack);
  rule = packs.flatMap((p) => p.rules).find((r) => r.meta.id === 'confusable-word')!;
});

const draft = (sentence: string) => `某区2025年法治政府建设年度报告\n一、总体情况\n${sentence}\n`;
const run = (text: string, filename = 'draft.txt') => runRule(rule, text, {}, filename);

/**
 * One row per entry (key "check.entry", a letter for extra cases): [wrong sentence, the sentence
 * after the fix, correct prose where the same characters occur and the rule stays silent].
 */
const CASES: Record<string, [string, string, string]> = {
  // 的 → 得 between a verb and its complement
  '0.0': ['对照群众期盼，我们的工作做的还不够。', '对照群众期盼，我们的工作做得还不够。', '对照群众期盼，我们所做的还不够，为群众做的还不够多，这是我们做的不是表面文章的原因。'],
  '0.0b': ['部分单位普法宣传开展的不够深入。', '部分单位普法宣传开展得不够深入。', '部分单位开展的普法宣传不够深入，存在监管的不到位问题。'],
  '0.0c': ['全年整改工作推进的很扎实。', '全年整改工作推进得很扎实。', '推动大学的更好发展，发挥骨干的更好作用，形成宣传的更好效果。'],
  '0.0d': ['基层党建工作抓的还很不够、落实的不太到位。', '基层党建工作抓得还很不够、落实得不太到位。', '把工作当做的很重要的事来抓，抓的是关键环节，落实的是主体责任。'],
  // 记录 → 纪录 after 创、打破、刷新
  '1.0': ['全年进出口总额创历史新记录。', '全年进出口总额创历史新纪录。', '执法全过程记录制度全面落实，行政执法记录仪配备率100%，创新记录方式，首创记录仪共享机制，相关情况记录在案。'],
  '1.0b': ['运动员打破全省记录3项。', '运动员打破全省纪录3项。', '打破记录共享壁垒，推动档案记录数字化。'],
  '1.0c': ['旅游接待人数刷新了历史记录。', '旅游接待人数刷新了历史纪录。', '系统支持刷新记录列表，完善记录查询功能。'],
  '1.0d': ['全区粮食产量创下新记录。', '全区粮食产量创下新纪录。', '建立创建工作台账，如实记录创建过程，开展争创记录规范化示范单位活动。'],
  // 截至 → 截止 before 日期/时间
  '2.0': ['申报截至日期为2025年3月31日。', '申报截止日期为2025年3月31日。', '截至2025年底，共受理申请152件，申报截止日期为3月31日，截止时间不变。'],
  '2.0b': ['逾期超过截至时间的不予受理。', '逾期超过截止时间的不予受理。', '截至目前，已办结案件52件。'],
  // 即 / 既
  '3.0': ['即要抓好疫情防控，又要抓好经济发展。', '既要抓好疫情防控，又要抓好经济发展。', '总体要求是依法行政，即要求各部门严格执法；接到通知后即要赶赴现场，对群众诉求即办即复。'],
  '3.0b': ['我们即是改革的推动者，也是改革的受益者。', '我们既是改革的推动者，也是改革的受益者。', '坚持“一件事一次办”，即是说群众办事只跑一次；法治即是最好的营商环境。'],
  '3.1': ['即然发现问题，就要立行立改。', '既然发现问题，就要立行立改。', '既然发现问题，就要立即整改，即将开展专项检查。'],
  '3.2': ['本办法自既日起施行。', '本办法自即日起施行。', '本办法自即日起施行，既往不咎的做法不再适用，既定目标全面完成。'],
  '3.3': ['接到举报后立既组织核查。', '接到举报后立即组织核查。', '接到举报后立即组织核查，树立既要讲成效又要讲规范的导向，确立既定目标。'],
  // 必需 → 必须 before a verb
  '4.0': ['推进法治建设必需坚持党的领导。', '推进法治建设必须坚持党的领导。', '保障群众生活必需品供应，落实所必需的经费，必须坚持党的领导。'],
  // 形式 → 形势
  '5.0': ['当前安全生产形式严峻。', '当前安全生产形势严峻。', '当前安全生产形势严峻，要创新普法形式，丰富宣传形式。'],
  '5.1': ['面对复杂严峻的形式，全区上下攻坚克难。', '面对复杂严峻的形势，全区上下攻坚克难。', '面对复杂严峻的形势，整治形式主义，防范风险以更加严峻的形式集中显现。'],
  // single characters
  '6.0': ['印发专题会议记要3份。', '印发专题会议纪要3份。', '印发专题会议纪要3份，会议记要点突出的发言，做好会议记录。'],
};

const entryOf = (key: string) => {
  const [c, e] = key.replace(/[a-z]$/, '').split('.').map(Number) as [number, number];
  return { checkIndex: c, pattern: CHECKS[c]!.replace[e]!.wrong };
};

describe('the confusables pack', () => {
  it('is recommended, applies to every report, one warning rule with a fix', () => {
    expect(PACK.id).toBe('confusables');
    expect(PACK.recommended).toBe(true);
    expect(PACK.reportType).toBeUndefined();
    expect(PACK.rules.map((r) => [r.id, r.severity])).toEqual([['confusable-word', 'warn']]);
    expect(rule.meta).toMatchObject({ id: 'confusable-word', defaultSeverity: 'warn', fixable: true, pack: 'confusables' });
  });

  it('is on in reportlint:recommended', async () => {
    const set = resolveRuleSet(['reportlint:recommended'], null, ROOT, (await getValidators(allRules)).pack, BUILTINS);
    expect(set.enabled.has('confusable-word')).toBe(true);
  });

  it('every entry has a failing and a passing case here, and each case exercises its entry', () => {
    const keys = new Set(Object.keys(CASES).map((k) => k.replace(/[a-z]$/, '')));
    const expected = CHECKS.flatMap((c, i) => c.replace.map((_, e) => `${i}.${e}`));
    expect([...keys].sort()).toEqual([...expected].sort());
    for (const [key, [wrong]] of Object.entries(CASES)) {
      expect(new RegExp(entryOf(key).pattern, 'u').test(wrong), key).toBe(true);
    }
  });
});

describe.each(Object.entries(CASES))('entry %s', (key, [wrong, right, ok]) => {
  it(`reports and fixes: ${wrong}`, async () => {
    const { checkIndex } = entryOf(key);
    const found = await run(draft(wrong));
    expect(found.length, JSON.stringify(found.map((f) => f.message))).toBeGreaterThan(0);
    expect(new Set(found.map((f) => f.messageId))).toEqual(new Set([`c${checkIndex}`]));
    expect(found.every((f) => f.line === 3 && f.level === undefined && f.fix)).toBe(true);
    const fixed = applyFixes(draft(wrong), found);
    expect(fixed).toBe(draft(right));
    expect(await run(fixed)).toEqual([]);
  });

  it(`stays silent: ${ok}`, async () => {
    expect(await run(draft(ok))).toEqual([]);
  });
});

describe('messages', () => {
  it('names the match and the right form', async () => {
    const found = await run(draft('工作做的还不够，全年产量创历史新记录。'));
    expect(found.map((f) => [f.text, f.message])).toEqual([
      ['做的还不够', '「的」「得」误用：「做的还不够」应为「做得还不够」（动词后接补语用「得」）'],
      ['创历史新记录', '「纪录」「记录」误用：「创历史新记录」应为「创历史新纪录」（创造、打破、刷新的最高成绩是「纪录」）'],
    ]);
  });
});

describe('on the seeds', () => {
  it('is silent on both seeds', async () => {
    for (const name of ['000_123d78033956bda4.txt', '003_fdb2e5dd79f7ab48.txt']) {
      expect(await run(readFileSync(path.join(ROOT, 'seeds', name), 'utf8'))).toEqual([]);
    }
  });
});
