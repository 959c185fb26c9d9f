/**
 * --help: the usage text in Chinese or English, with the rules the config knows.
 */
import { FORMAT_NAMES } from '../formatters/index.js';
import type { Locale } from '../messages.js';
import type { Rule } from '../rule.js';

export function helpText(locale: Locale, ruleList: readonly Rule[]): string {
  const rules = ruleList.map((r) => `  ${r.meta.id.padEnd(20)} ${r.meta.description[locale]}`).join('\n');
  if (locale === 'en') {
    return `Usage: reportlint [options] <files|dirs|globs...>
       reportlint serve [options]   a web page for checking drafts in a browser (see reportlint serve --help)

Checks drafts of Chinese government annual reports (.md, .txt) and prints located findings.

Options:
  -c, --config <path>        use this config file instead of searching for .reportlintrc.json
  -f, --format <name>        output format: ${FORMAT_NAMES.join(', ')} (default: stylish)
  -o, --output-file <path>   write the report to a file
      --quiet                report errors only
      --max-warnings <n>     exit 1 when there are more than n warnings
      --rule <id:severity>   set a rule's severity, e.g. --rule repeated-word:warn (repeatable)
      --previous <file>      last year's report, to check that its shortcomings were answered
      --stdin                read the text from standard input
      --stdin-filename <f>   file name for the stdin text (format, config lookup)
      --locale <zh|en>       language of the messages (default zh)
      --no-color             no colours (also NO_COLOR=1)
      --fix                  apply the rules' fixes to the files, then report what is left
      --fix-dry-run          print the fixes as a unified diff; change nothing
      --annotate             write a reviewed copy of each .docx draft beside it
                             (draft.reportlint.docx): findings as comments, fixes as
                             tracked changes by "reportlint"; the draft is not changed
      --annotate-dir <dir>   write the reviewed copies into this folder (implies --annotate)
      --baseline-write       record today's findings in reportlint-baseline.json
      --baseline <path>      the baseline file (default reportlint-baseline.json, used when present)
      --no-ignore            also lint files that ignorePatterns or .reportlintignore name
      --report-unused-disable-directives
                             warn about reportlint-disable comments that suppress nothing
      --cache                skip files that were clean and have not changed (.reportlintcache)
      --cache-location <p>   where the cache is kept
      --concurrency <n>      threads for many files: auto (default), off, or a number
      --list-rules           list every rule: id, default severity, fixable, description
      --print-config <file>  print the settings that apply to a file
      --explain-report <file>
                             what kind of report the file is taken for (type, confidence,
                             report year N) and the evidence: why a content rule ran or not
      --explain <rule>       show a rule's documentation
      --init                 write a commented starter config (.reportlintrc.yaml)
  -h, --help                 show this help
  -v, --version              print the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, config or input error.

Rules:
${rules}
`;
  }
  return `用法: reportlint [选项] <文件|目录|通配符...>
      reportlint serve [选项]   在浏览器中检查草稿的网页服务（见 reportlint serve --help）

检查法治政府建设年度报告等公文草稿（.md、.txt），逐条给出文件、行、列、规则和说明。

选项:
  -c, --config <路径>        使用指定配置文件（默认自文件所在目录向上查找 .reportlintrc.json）
  -f, --format <格式>        输出格式: ${FORMAT_NAMES.join(', ')}（默认 stylish）
  -o, --output-file <路径>   将结果写入文件
      --quiet                只报告错误
      --max-warnings <n>     警告多于 n 条时以 1 退出
      --rule <规则:级别>     设置规则级别，如 --rule repeated-word:warn（可重复）
      --previous <文件>      上一年度报告，用于核对其所列不足是否已整改
      --stdin                从标准输入读取文本
      --stdin-filename <f>   标准输入文本的文件名（决定格式和配置）
      --locale <zh|en>       提示语言（默认 zh）
      --no-color             不使用颜色（亦可设 NO_COLOR=1）
      --fix                  自动修复可修复的问题并写回文件，再报告其余问题
      --fix-dry-run          以统一 diff 格式显示修复内容，不改动文件
      --annotate             为每份 .docx 草稿在旁边写出审阅副本（草稿.reportlint.docx）：
                             问题写为批注，修复写为修订（作者 reportlint），原稿不改动
      --annotate-dir <目录>  审阅副本写入该目录（隐含 --annotate）
      --baseline-write       将当前问题记为基线（reportlint-baseline.json）
      --baseline <路径>      基线文件（默认 reportlint-baseline.json，存在即使用）
      --no-ignore            也检查 ignorePatterns 或 .reportlintignore 排除的文件
      --report-unused-disable-directives
                             报告没有屏蔽任何问题的 reportlint-disable 注释
      --cache                跳过上次无问题且未改动的文件（.reportlintcache）
      --cache-location <路径> 缓存文件位置
      --concurrency <n>      多文件并行线程数：auto（默认）、off 或数字
      --list-rules           列出所有规则：编号、默认级别、可否修复、说明
      --print-config <文件>  显示对某个文件生效的配置
      --explain-report <文件>
                             显示该文件被认定的报告类型（及把握程度）、报告年度 N 和依据，
                             说明内容类规则为何运行或不运行
      --explain <规则>       显示规则说明
      --init                 生成带注释的配置文件（.reportlintrc.yaml）
  -h, --help                 显示本帮助
  -v, --version              显示版本

退出码: 0 无错误；1 有错误（或警告超过 --max-warnings）；2 用法、配置或输入错误。

规则:
${rules}
`;
}

