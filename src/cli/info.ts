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
