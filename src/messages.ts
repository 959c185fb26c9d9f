/**
 * The usage and configuration errors, in both languages. A UsageError or ConfigError carries
 * both texts; the CLI prints the one of the locale known when the error happens: --locale, else
 * REPORTLINT_LOCALE, else Chinese (a config's own `locale` may be what is broken, so it is not
 * waited for). `Error.message` stays the English text for API users.
 */
/** The two languages of every message. */
export type Locale = 'zh' | 'en';

export interface Localized {
  zh: string;
  en: string;
}

const q = (s: string) => `"${s}"`;

export const MSG = {
  seeHelp: (detail: Localized): Localized => ({ zh: `${detail.zh}（见 reportlint --help）`, en: `${detail.en} (see reportlint --help)` }),
  unknownOption: (option: string): Localized => ({ zh: `未知选项 ${option}`, en: `unknown option ${option}` }),
  missingValue: (option: string): Localized => ({ zh: `选项 ${option} 缺少参数`, en: `option ${option} needs a value` }),
  takesNoValue: (option: string): Localized => ({ zh: `选项 ${option} 不带参数`, en: `option ${option} takes no value` }),
  badArguments: (detail: string): Localized => ({ zh: `命令行有误：${detail}`, en: detail }),
  badLocale: (value: string): Localized => ({
    // no locale is known here: both, on one line
    zh: `--locale 只能是 zh 或 en，不能是 ${q(value)} / --locale must be zh or en, not ${q(value)}`,
    en: `--locale must be zh or en, not ${q(value)}`,
  }),
  unknownFormat: (value: string, names: readonly string[]): Localized => ({
    zh: `未知的 --format ${q(value)}；可选：${names.join(', ')}`,
    en: `unknown --format ${q(value)}; choose one of: ${names.join(', ')}`,
  }),
  maxWarnings: (): Localized => ({ zh: '--max-warnings 的值应为不小于 0 的整数', en: '--max-warnings takes a whole number ≥ 0' }),
  concurrency: (value: string): Localized => ({
    zh: `--concurrency 的值应为 auto、off 或线程数，不能是 ${q(value)}`,
    en: `--concurrency takes auto, off or a number of threads, not ${q(value)}`,
  }),
  fixAndDryRun: (): Localized => ({ zh: '--fix 与 --fix-dry-run 只能选一个', en: 'give either --fix or --fix-dry-run, not both' }),
  annotateWith: (option: string): Localized => ({
    zh: `--annotate 不能与 ${option} 同用（审阅副本已把修复写为修订，原稿不改动）`,
    en: `--annotate cannot be combined with ${option} (the reviewed copy holds the fixes as tracked changes; drafts are never changed)`,
  }),
  annotateDirIsFile: (dir: string): Localized => ({
    zh: `--annotate-dir ${dir} 已存在且不是文件夹`,
    en: `--annotate-dir ${dir} exists and is not a folder`,
  }),
  stdinAndFiles: (): Localized => ({ zh: '--stdin 与文件只能选一个', en: 'give either --stdin or files, not both' }),
  noFiles: (): Localized => ({
    zh: '没有指定文件（如 reportlint 草稿.md，或见 reportlint --help）',
    en: 'no files given (reportlint draft.md, or see reportlint --help)',
  }),
  baselineMissing: (file: string): Localized => ({
    zh: `--baseline: 找不到 ${file}（可先用 --baseline-write 生成）`,
    en: `--baseline: ${file} not found (write one with --baseline-write)`,
  }),
  baselineUnwritable: (file: string, detail: string): Localized => ({
    zh: `无法写入基线文件 ${file}: ${detail}`,
    en: `cannot write the baseline ${file}: ${detail}`,
  }),
  baselineInvalidJson: (file: string, detail: string): Localized => ({
    zh: `${file}: 基线文件不是有效的 JSON: ${detail}`,
    en: `${file}: baseline is not valid JSON: ${detail}`,
  }),
  notABaseline: (file: string): Localized => ({
    zh: `${file}: 不是 reportlint 基线文件（应为 {"version": 1, "files": {…}}），可用 --baseline-write 生成`,
    en: `${file}: not a reportlint baseline (expected {"version": 1, "files": {…}}); write one with --baseline-write`,
  }),
  baselineEntry: (file: string, name: string): Localized => ({
    zh: `${file}: files.${name}: 应为 {"规则编号": 次数}`,
    en: `${file}: files.${name}: expected {"rule-id": count}`,
  }),
  outputUnwritable: (file: string, detail: string): Localized => ({
    zh: `无法写入 --output-file ${file}: ${detail}`,
    en: `cannot write --output-file ${file}: ${detail}`,
  }),
  unknownRuleFlag: (id: string): Localized => ({
    zh: `--rule: 未知规则 ${q(id)}（reportlint --help 列出所有规则）`,
    en: `--rule: unknown rule ${q(id)} (reportlint --help lists the rules)`,
  }),
  ruleFlagForm: (flag: string): Localized => ({
    zh: `--rule 的写法为 规则:级别，如 --rule repeated-word:warn（收到 ${q(flag)}）`,
    en: `--rule takes id:severity, e.g. --rule repeated-word:warn (got ${q(flag)})`,
  }),
  tooManyWarnings: (warnings: number, max: number): Localized => ({
    zh: `${warnings} 个警告，超过 --max-warnings ${max}`,
    en: `${warnings} warnings exceed --max-warnings ${max}`,
  }),
  initExists: (file: string): Localized => ({
    zh: `--init: ${file} 已存在，不覆盖`,
    en: `--init: ${file} already exists; not overwriting it`,
  }),
  explainUnknown: (id: string, hint: string | null): Localized => ({
    zh: `--explain: 未知规则 ${q(id)}${hint ? `（是否要找 ${q(hint)}？）` : ''}；reportlint --list-rules 列出所有规则`,
    en: `--explain: unknown rule ${q(id)}${hint ? ` (did you mean ${q(hint)}?)` : ''}; reportlint --list-rules lists the rules`,
  }),
  /** a path reportlint would write is one of the files it reads */
  writesInput: (what: string, file: string): Localized => ({
    zh: `${what} ${file} 是被检查的文件之一，写入会覆盖它；未写入任何文件，请另选路径`,
    en: `${what} ${file} is one of the files being checked and writing it would overwrite it; nothing was written, choose another path`,
  }),
  previousIsInput: (file: string): Localized => ({
    zh: `--previous ${file} 就是被检查的文件本身，应为上一年度的报告`,
    en: `--previous ${file} is the draft being checked itself; give last year's report`,
  }),
  previousEmpty: (file: string): Localized => ({
    zh: `--previous ${file} 是空文件，应为上一年度的报告`,
    en: `--previous ${file} is empty; give last year's report`,
  }),
  previousNotEarlier: (file: string, previousYear: number, draft: string, draftYear: number): Localized => ({
    zh: `--previous ${file} 是${previousYear}年度的报告，不早于 ${draft} 的报告年度${draftYear}年，应为上一年度的报告（两者是否写反了？）`,
    en: `--previous ${file} reports on ${previousYear}, not earlier than ${draft}'s report year ${draftYear}; give last year's report (were the two swapped?)`,
  }),
  // configuration
  configUnreadable: (detail: string): Localized => ({ zh: `无法读取: ${detail}`, en: `cannot be read: ${detail}` }),
  configInvalidYaml: (detail: string): Localized => ({ zh: `不是有效的 YAML: ${detail}`, en: `invalid YAML: ${detail}` }),
  configInvalidJson: (detail: string): Localized => ({ zh: `不是有效的 JSON: ${detail}`, en: `invalid JSON: ${detail}` }),
  unknownRule: (id: string, hint: string | null): Localized => ({
    zh: `未知规则 ${q(id)}${hint ? `（是否要找 ${q(hint)}？）` : ''}`,
    en: `unknown rule ${q(id)}${hint ? ` (did you mean ${q(hint)}?)` : ''}`,
  }),
  ruleTakesNoOptions: (id: string): Localized => ({ zh: `规则 ${q(id)} 没有选项`, en: `rule ${q(id)} takes no options` }),
  severityForm: (): Localized => ({
    zh: '级别应为 "error"、"warn" 或 "off"（或 2、1、0），或数组 ["warn", { 选项 }]',
    en: 'severity must be "error", "warn" or "off" (or 2, 1, 0), or an array ["warn", { options }]',
  }),
  ruleIdForm: (): Localized => ({ zh: '规则编号应为小写连字符形式，如 "repeated-word"', en: 'rule ids are kebab-case, e.g. "repeated-word"' }),
  unknownPack: (name: string, known: string): Localized => ({
    zh: `未知规则包 ${q(name)}（内置：${known}）`,
    en: `unknown pack ${q(name)} (built in: ${known})`,
  }),
  ruleIdTaken: (id: string): Localized => ({
    zh: `规则编号 ${q(id)} 已被内置规则使用，请另取一个`,
    en: `rule id ${q(id)} is already taken by a built-in rule; choose another id`,
  }),
  packUnreadable: (detail: string): Localized => ({ zh: `无法读取规则包: ${detail}`, en: `rule pack cannot be read: ${detail}` }),
  packInvalidJson: (detail: string): Localized => ({ zh: `规则包不是有效的 JSON: ${detail}`, en: `rule pack is not valid JSON: ${detail}` }),
} as const;

/** The same text in both languages (a detail that has no translation, e.g. from the system). */
export function untranslated(text: string): Localized {
  return { zh: text, en: text };
}

/**
 * A JSON Schema (ajv) error message in both languages; the common ones are translated, any other
 * is kept in English.
 */
export function schemaMessage(en: string): Localized {
  const zh = translateSchemaMessage(en);
  return { zh: zh ?? en, en };
}

const TYPE_NAMES: Record<string, string> = {
  array: '数组', string: '字符串', integer: '整数', number: '数字', boolean: '布尔值', object: '对象', null: 'null',
};

function translateSchemaMessage(en: string): string | null {
  let m: RegExpExecArray | null;
  if (en === 'unknown key') return '未知的键';
  if (en === 'is not valid') return '无效';
  if ((m = /^must be ([a-z]+(?:,[a-z]+)*)$/.exec(en))) {
    const names = m[1]!.split(',').map((t) => TYPE_NAMES[t]);
    if (names.every(Boolean)) return `应为${names.join('或')}`;
  }
  if ((m = /^must be one of (.+)$/.exec(en))) return `应为以下之一: ${m[1]}`;
  if ((m = /^must be equal to one of the allowed values$/.exec(en))) return '不是允许的值';
  if ((m = /^must have required property '(.+)'$/.exec(en))) return `缺少必需的键 '${m[1]}'`;
  if ((m = /^must be (>=|<=|>|<) (.+)$/.exec(en))) return `应 ${m[1]} ${m[2]}`;
  if ((m = /^must NOT have fewer than (\d+) (items|characters)$/.exec(en))) return `至少应有 ${m[1]} ${m[2] === 'items' ? '项' : '个字符'}`;
  if ((m = /^must NOT have more than (\d+) (items|characters)$/.exec(en))) return `至多 ${m[1]} ${m[2] === 'items' ? '项' : '个字符'}`;
  if ((m = /^must NOT have duplicate items \(items ## (\d+) and (\d+) are identical\)$/.exec(en))) return `有重复项（第 ${m[2]} 项与第 ${m[1]} 项相同）`;
  if ((m = /^must match pattern "(.+)"$/.exec(en))) return `应符合模式 "${m[1]}"`;
  if ((m = /^must match format "(.+)"$/.exec(en))) return `应符合格式 "${m[1]}"`;
  return null;
}

/** The locale a usage error is shown in: --locale, else REPORTLINT_LOCALE, else zh. */
export function usageLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--locale') value = argv[i + 1];
    else if (arg.startsWith('--locale=')) value = arg.slice('--locale='.length);
  }
  value ??= env['REPORTLINT_LOCALE'];
  return value === 'en' ? 'en' : 'zh';
}
