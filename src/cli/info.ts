/**
 * Discoverability commands: --list-rules, --print-config <file>, --explain <rule>.
 * Loaded only when one of them is asked for.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config, RuleSetting } from '../config/index.js';
import { closest } from '../config/index.js';
import { activeRulesFor } from '../config/resolve.js';
import { UsageError } from '../errors.js';
import { MSG } from '../messages.js';
import type { Locale, Rule } from '../rule.js';
import { UNUSED_DIRECTIVE_ID } from '../engine/suppress.js';
import { displayWidth, padEnd } from '../formatters/width.js';
import { packagePath } from '../paths.js';

const SEVERITY_NAMES = ['off', 'warn', 'error'] as const;

/** The rules a config knows (built-in code rules, built-in packs, its own packs), as a table or JSON. */
export function listRules(config: Config, locale: Locale, json: boolean): string {
  const rows = config.ruleSet.rules.map((rule) => ({
    id: rule.meta.id,
    defaultSeverity: rule.meta.defaultSeverity,
    fixable: rule.meta.fixable,
    enabled: config.ruleSet.enabled.has(rule.meta.id),
    ...(rule.meta.pack ? { pack: rule.meta.pack } : {}),
    description: rule.meta.description[locale],
  }));
  if (json) return JSON.stringify(rows, null, 2) + '\n';
  const zh = locale === 'zh';
  const header = zh ? ['规则', '默认级别', '可修复', '说明'] : ['rule', 'default', 'fixable', 'description'];
  const table = rows.map((r) => [
    r.id,
    // a rule that `extends` does not turn on runs only when named in `rules`
    r.enabled ? r.defaultSeverity : `(${r.defaultSeverity})`,
    r.fixable ? (zh ? '是' : 'yes') : (zh ? '否' : 'no'),
    r.description + (r.pack ? (zh ? `（规则包 ${r.pack}）` : ` (pack ${r.pack})`) : ''),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(displayWidth(header[i]!), ...table.map((row) => displayWidth(row[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? padEnd(c, widths[i]!) : c)).join('  ').trimEnd();
  const notes = zh
    ? '\n括号中的级别：该规则未被 extends 启用，在 rules 中写明才运行。说明: reportlint --explain <规则>\n'
    : '\nA severity in brackets: the config\'s extends does not turn the rule on; name it in rules to run it. Details: reportlint --explain <rule>\n';
  const hasOff = rows.some((r) => !r.enabled);
  return [line(header), ...table.map(line)].join('\n') + '\n' + (hasOff ? notes : '');
}

/** The settings that apply to one file, as JSON: which config, and every active rule with its options. */
export async function printConfig(
  file: string,
  config: Config,
  cliRules: Record<string, RuleSetting>,
  cwd: string,
  ignored: boolean,
): Promise<string> {
  const active = await activeRulesFor(file, config, cliRules);
  const rel = (p: string) => path.relative(cwd, p) || p;
  const out = {
    file: rel(file),
    config: config.file ? rel(config.file) : null,
    extends: config.extends,
    locale: config.locale,
    previous: config.previous,
    reportType: config.reportType ?? null,
    ignorePatterns: config.ignorePatterns,
    ignored,
    rules: Object.fromEntries(active.map((a) => [a.rule.meta.id, [SEVERITY_NAMES[a.severity], a.options]])),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

const DOCS_DIR = packagePath('docs/rules/');

/** The doc page of a rule: docs/rules/<id>.md, or a pack rule's own page. */
export function docPathOf(rule: Rule): string {
  const own = rule.meta.docPath;
  if (!own) return path.join(DOCS_DIR, `${rule.meta.id}.md`);
  // a pack's doc path comes from a file URL: spaces and non-ASCII names may be percent-encoded
  if (!existsSync(own)) {
    try {
      const decoded = decodeURIComponent(own);
      if (existsSync(decoded)) return decoded;
    } catch {
      // not percent-encoded
    }
  }
  return own;
}

/** --explain <rule>: the rule's doc page, for reading in the terminal. */
export function explainRule(id: string, rules: readonly Rule[], locale: Locale): string {
  if (id === UNUSED_DIRECTIVE_ID) {
    return locale === 'zh'
      ? `# ${id}\n\n不是规则：使用 --report-unused-disable-directives 时，没有屏蔽任何问题的 <!-- reportlint-disable … --> 注释以此报告。删去该注释，或改正其中的规则名。\n`
      : `# ${id}\n\nNot a rule: with --report-unused-disable-directives, a <!-- reportlint-disable … --> comment that suppressed nothing is reported under this id. Remove the comment or correct the rule names in it.\n`;
  }
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) {
    const hint = closest(id, rules.map((r) => r.meta.id));
    throw new UsageError(MSG.explainUnknown(id, hint));
  }
  const doc = docPathOf(rule);
  if (existsSync(doc)) return readFileSync(doc, 'utf8').replace(/^\uFEFF/, '').replace(/\s*$/, '\n');
  // no page (a user's pack rule without `doc`): what the meta says
  const m = rule.meta;
  const zh = locale === 'zh';
  return [
    `# ${m.id}`,
    '',
    m.description[locale],
    '',
    `- ${zh ? '默认级别' : 'Default severity'}: \`${m.defaultSeverity}\``,
    `- ${zh ? '可自动修复' : 'Fixable'}: ${m.fixable ? 'yes' : 'no'}`,
    ...(m.pack ? [`- ${zh ? '规则包' : 'Pack'}: ${m.pack}`] : []),
    '',
  ].join('\n');
}

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  'fazhi-annual-report': { zh: '法治政府建设年度报告', en: 'annual report on building rule-of-law government' },
  'annual-report': { zh: '其他年度报告或年度工作总结', en: 'another annual report or work summary' },
  'government-work-report': { zh: '政府工作报告', en: 'government work report' },
  other: { zh: '其他文稿（讲话、审计报告、计划、通知等）', en: 'another kind of document (speech, audit report, plan, notice)' },
};
const SOURCE_NAMES: Record<string, { zh: string; en: string }> = {
  config: { zh: '配置', en: 'config' },
  title: { zh: '标题', en: 'title' },
  filename: { zh: '文件名', en: 'file name' },
  opening: { zh: '开头', en: 'opening' },
  headings: { zh: '小标题', en: 'headings' },
  vocabulary: { zh: '用语', en: 'vocabulary' },
  body: { zh: '正文', en: 'body' },
  heading: { zh: '小标题', en: 'heading' },
  signature: { zh: '成文日期', en: 'signature date' },
};

/** --explain-report <file>: the report type and year reportlint takes the file for, and why. */
export async function explainReportOf(file: string, config: Config, cwd: string, locale: Locale, json: boolean): Promise<string> {
  const { readInput } = await import('../engine/lint-file.js');
  const { explainDocument } = await import('../engine/explain-report.js');
  const { parseDocumentAsync } = await import('../document/parse/index.js');
  const input = await readInput(file);
  const document = input.docx
    ? (await import('../document/parse/docx.js')).docxDocument(input.docx, file)
    : await parseDocumentAsync(input.text, { filename: file });
  const x = explainDocument(document, config.reportType ?? null);
  const shown = path.relative(cwd, file) || file;
  if (json) return JSON.stringify({ ...x, file: shown }, null, 2) + '\n';
  const zh = locale === 'zh';
  const name = (TYPE_NAMES[x.type] ?? { zh: x.type, en: x.type })[locale];
  const lines = [
    shown,
    `  ${zh ? "类型" : "type"}: ${x.type}${zh ? `（${name}）` : ` (${name})`}${x.declared ? (zh ? '，由配置 reportType 指定' : ', named by reportType in the config') : `${zh ? '，把握程度' : ', confidence'} ${x.confidence.toFixed(2)}`}`,
    `  ${zh ? '报告年度 N' : 'report year N'}: ${x.year ? `${x.year.year}（${(SOURCE_NAMES[x.year.source] ?? { zh: x.year.source, en: x.year.source })[locale]} ${x.year.line}:${x.year.column}「${x.year.text}」）` : zh ? '未能确定' : 'unknown'}`,
    `  ${zh ? '年度报告类规则（relative-time、date-validity 的年度检查）' : 'rules about any annual report (relative-time, date-validity\'s annual checks)'}: ${x.annualReport ? (zh ? '运行' : 'run') : (zh ? '不运行' : 'do not run')}`,
    `  ${zh ? '法治政府建设年度报告规则（required-sections、previous-shortcomings、figure-relations）' : 'rules of the 法治 annual report (required-sections, previous-shortcomings, figure-relations)'}: ${x.type === 'fazhi-annual-report' ? (zh ? '运行' : 'run') : (zh ? '不运行' : 'do not run')}`,
  ];
  if (!x.declared) {
    lines.push(`  ${zh ? '各类型得分' : 'scores'}: ${Object.entries(x.scores).map(([t, v]) => `${t} ${v}`).join(', ')}`);
    lines.push(`  ${zh ? '依据' : 'evidence'}:`);
    for (const e of x.evidence) {
      const where = e.line !== undefined ? `${e.line}:${e.column} ` : '';
      const text = e.text.length > 40 ? `${[...e.text].slice(0, 40).join('')}…` : e.text;
      lines.push(`    +${e.weight} ${e.type}  ${(SOURCE_NAMES[e.source] ?? { zh: e.source, en: e.source })[locale]} ${where}「${text}」 ${e.reason[locale]}`);
    }
    lines.push(zh ? '  （类型认定有误时，可在配置中写 "reportType" 指定）' : '  (if the type is wrong, say it once with "reportType" in the config)');
  }
  return lines.join('\n') + '\n';
}
