/**
 * --init: write a commented starter config, `.reportlintrc.yaml`, in the working directory.
 * YAML because it is plain data (no code runs when it is read) and, unlike JSON, may carry
 * comments that explain each setting; the editor gets completion from the schema named in the
 * first line (the YAML language server reads it). Refuses to replace an existing config.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { configIn } from '../config/discover.js';
import { UsageError } from '../errors.js';
import { MSG } from '../messages.js';
import type { Rule } from '../rule.js';

export const INIT_FILE = '.reportlintrc.yaml';

export function starterConfig(rules: readonly Rule[], enabled: ReadonlySet<string>): string {
  const width = Math.max(...rules.map((r) => r.meta.id.length)) + 1;
  const ruleLines = rules.flatMap((r) => {
    const m = r.meta;
    const severity = enabled.has(m.id) ? m.defaultSeverity : 'off';
    const notes = [m.fixable ? 'fixable' : '', m.pack ? `pack ${m.pack}` : ''].filter(Boolean).join(', ');
    return [
      `  # ${m.description.zh} / ${m.description.en}${notes ? ` (${notes})` : ''}`,
      `  ${`${m.id}:`.padEnd(width + 1)} ${severity}`,
    ];
  });
  return `# yaml-language-server: $schema=./node_modules/reportlint/schemas/config.schema.json
# reportlint 配置文件，由 reportlint --init 生成。
# reportlint configuration, written by reportlint --init.
#
#   reportlint --list-rules            所有规则 / every rule
#   reportlint --explain <rule>        规则说明 / a rule's documentation
#   reportlint --print-config <file>   某个文件实际生效的配置 / what applies to one file

# 从哪些规则集开始。reportlint:recommended 为全部内置规则和推荐规则包。
# Rule sets to start from: reportlint:recommended is every built-in rule and the recommended packs;
# add "reportlint:<pack-id>" or the path of your own pack (docs/rule-packs.md).
extends:
  - reportlint:recommended

# 提示语言：zh（中文）或 en（English）。
locale: zh

# 不检查的文件，.gitignore 语法，相对本文件所在目录（也可写在 .reportlintignore 中）。
# Files to leave alone, .gitignore syntax, relative to this file's folder (.reportlintignore works too).
# 例 / e.g.  ignorePatterns: ["archive/*", "**/*.draft.md", "!archive/2024.md"]
ignorePatterns: []

# 上一年度报告，用于核对其所列不足是否已整改；{year} 代表报告年度的前一年。
# Last year's report, to check its shortcomings were answered; {year} is the year before.
# previous: "reports/{year}.md"

# 每条规则的级别：error、warn 或 off；带选项时写成 [warn, { 选项 }]。
# Each rule: error, warn or off; with options: [warn, { option: value }].
rules:
${ruleLines.join('\n')}

# 对部分文件另行设置（glob 相对本文件所在目录，后写的优先）。
# Settings for some files only (globs relative to this folder; later entries win).
# overrides:
#   - files: ["drafts/**"]
#     rules:
#       heading-sequence: warn
`;
}

/** Write the starter config into `cwd`; returns its path. */
export function writeStarterConfig(cwd: string, rules: readonly Rule[], enabled: ReadonlySet<string>): string {
  const existing = configIn(cwd);
  if (existing) {
    throw new UsageError(MSG.initExists(path.relative(cwd, existing) || existing));
  }
  const file = path.join(cwd, INIT_FILE);
  writeFileSync(file, starterConfig(rules, enabled), { flag: 'wx' });
  return file;
}
