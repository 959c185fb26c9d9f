import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LintMessage, LintResult, OutlineEntry } from '../engine/lint.js';
import { packageFile, packageVersion } from '../paths.js';
import { placeOf } from './place.js';
import type { FormatContext } from './types.js';

/**
 * One self-contained HTML page for a reviewer who never opens a terminal: for each file the
 * draft's text, numbered by line (by paragraph for a .docx) with its title and headings set as
 * such, every finding highlighted where it is, the list of findings beside it (each links to its
 * highlight), counts by rule at the top, when and with what version and config it was made, and
 * at the end each reported rule's explanation with a failing and a passing example (from
 * dist/rule-docs.json, written at build time from docs/rules/: a mailed page has no docs/ beside
 * it). No external resources, no script: the page can be mailed as one file and opened offline.
 * Printed (or saved as PDF) it holds the whole draft and every finding: no pane scrolls in print.
 *
 * Highlights: finding i of file n is `<mark class="finding error|warning" id="f-n-i">` around
 * source [offset, endOffset). Nested ranges nest; a range that crosses the end of an enclosing
 * one, or a line's end, is continued by `<mark class="finding-part" data-for="f-n-i">` pieces, so
 * each finding still has exactly one `mark.finding`. Empty ranges are an empty mark (a caret). The
 * other places a summary finding stands for (LintMessage.related) are
 * `<mark class="finding-related" data-for="f-n-i">`. Each line is a `<span class="line"
 * data-line="k">` (its number is drawn by CSS, so copying the text copies the draft alone).
 * Line breaks (\r\n, \r) are shown as \n.
 */
const TEXT = {
  zh: {
    lang: 'zh-CN',
    title: 'reportlint 检查报告',
    error: '错误',
    warning: '警告',
    summary: (files: number, e: number, w: number) =>
      e + w ? `共检查 ${files} 个文件，发现 ${e + w} 个问题（${e} 个错误，${w} 个警告）。` : `共检查 ${files} 个文件，未发现问题。`,
    fileCounts: (e: number, w: number) => (e + w ? `${e} 个错误，${w} 个警告` : '未发现问题'),
    made: '生成时间',
    version: '版本',
    config: '配置',
    defaults: '内置默认配置（未找到配置文件）',
    byRule: '按规则统计',
    rule: '规则',
    description: '说明',
    total: '合计',
    findings: '问题列表',
    source: '原文',
    lineLabel: (docx: boolean) => (docx ? '左侧数字为段落序号' : '左侧数字为行号'),
    noSource: '未提供原文，无法标注位置。',
    clean: '未发现问题。',
    related: (n: number) => `（另有 ${n} 处，均已在原文中标出）`,
    rules: '规则说明',
    why: '为什么',
    failing: '会报告的写法',
    passing: '不报告的写法',
    reported: '报告为',
    footer: '鼠标停在标注处可看到说明；点击列表中的位置可跳到原文中的标注，点击规则名可跳到规则说明。',
  },
  en: {
    lang: 'en',
    title: 'reportlint report',
    error: 'error',
    warning: 'warning',
    summary: (files: number, e: number, w: number) =>
      e + w
        ? `${files} ${files === 1 ? 'file' : 'files'} checked: ${e + w} ${e + w === 1 ? 'problem' : 'problems'} (${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}).`
        : `${files} ${files === 1 ? 'file' : 'files'} checked: no problems.`,
    fileCounts: (e: number, w: number) => (e + w ? `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}` : 'no problems'),
    made: 'Made',
    version: 'version',
    config: 'Config',
    defaults: 'built-in defaults (no config file found)',
    byRule: 'Problems by rule',
    rule: 'Rule',
    description: 'Description',
    total: 'Total',
    findings: 'Problems',
    source: 'Text',
    lineLabel: (docx: boolean) => (docx ? 'numbers on the left are paragraph numbers' : 'numbers on the left are line numbers'),
    noSource: 'The text was not provided, so the problems cannot be shown in place.',
    clean: 'No problems found.',
    related: (n: number) => ` (and ${n} more, all marked in the text)`,
    rules: 'The rules',
    why: 'Why',
    failing: 'Reported',
    passing: 'Not reported',
    reported: 'reported as',
    footer: 'Hover over a highlight to see the message; click a position in a list to jump to its highlight, a rule to its explanation.',
  },
};

const STYLE = `
body{margin:0;font:15px/1.6 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#1f2328;background:#f6f8fa}
header,main,footer{max-width:1400px;margin:0 auto;padding:0 24px}
h1{font-size:24px;margin:24px 0 8px}h2{font-size:18px;margin:0 0 12px}h3{font-size:16px;margin:0 0 8px}
.summary{margin:0 0 4px}.meta{margin:0 0 16px;color:#59636e;font-size:13px}
table{border-collapse:collapse;background:#fff;margin-bottom:24px}
th,td{border:1px solid #d0d7de;padding:4px 12px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.file{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:16px;margin-bottom:24px}
.file h2 .counts{font-weight:normal;font-size:14px;color:#59636e;margin-left:12px}
.file .config{margin:-8px 0 12px;color:#59636e;font-size:13px}
.panes{display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,2fr);gap:16px;align-items:start}
@media (max-width:900px){.panes{grid-template-columns:1fr}}
.source{margin:0;padding:12px 12px 12px 0;background:#fbfbfb;border:1px solid #e5e7eb;border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere;font:16px/1.9 "FangSong","STFangsong","Noto Serif CJK SC",serif;max-height:80vh;overflow:auto}
.source .line{display:block;position:relative;padding-left:4em;min-height:1.9em}
.source .line::before{content:attr(data-line);position:absolute;left:0;width:3em;text-align:right;color:#8c959f;font:12px/30px ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;user-select:none}
.source .line.title{font-weight:bold;font-size:20px;text-align:center;padding-right:4em}
.source .line.h1{font-weight:bold;font-family:"SimHei","Heiti SC","Noto Sans CJK SC",sans-serif}
.source .line.h2{font-weight:bold;font-family:"KaiTi","STKaiti","Noto Serif CJK SC",serif}
.source .line.h3{font-weight:bold}
mark.finding,mark.finding-part,mark.finding-related{color:inherit;padding:0;border-bottom:2px solid}
mark.error{background:rgba(229,57,53,.16);border-color:#c62828}
mark.warning{background:rgba(245,166,35,.24);border-color:#b7791f}
mark.finding-related{border-bottom-style:dashed}
mark.empty{display:inline-block;width:0;height:1.2em;vertical-align:text-bottom;border-bottom:0;border-left:3px solid;margin:0 1px}
mark:target{outline:3px solid #0969da;outline-offset:1px}
.findings{margin:0;padding-left:1.5em;max-height:80vh;overflow:auto}
.findings li{margin-bottom:6px}.findings li:target{background:#ddf4ff}
.findings a{font-variant-numeric:tabular-nums}
.severity{display:inline-block;font-size:12px;padding:0 6px;border-radius:10px;margin:0 4px;color:#fff}
.severity.error{background:#c62828}.severity.warning{background:#b7791f}
code.rule{font-size:12px;color:#59636e;margin-left:4px}
a.rule{text-decoration:none}
.related-note{color:#59636e;font-size:13px}
.note{color:#59636e}
.rule-doc{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin-bottom:16px}
.rule-doc:target{outline:3px solid #0969da}
.rule-doc p{margin:4px 0}
.rule-doc pre{margin:4px 0 8px;padding:8px;background:#fbfbfb;border:1px solid #e5e7eb;border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere}
.rule-doc .example-label{font-weight:bold;margin-top:8px}
footer{color:#59636e;font-size:13px;padding-bottom:24px}
@media print{
body{background:#fff;font-size:11pt}
header,main,footer{max-width:none;padding:0}
.file,.rule-doc{border:0;padding:0;border-radius:0}
.file+.file{break-before:page}
#rules{break-before:page}
.panes{display:block}
.source,.findings{max-height:none;overflow:visible}
.source{border:0;background:#fff;padding:0 0 12px 0}
.source .line{break-inside:auto}
.source .line.title,.source .line.h1,.source .line.h2,.source .line.h3{break-after:avoid;break-inside:avoid}
.findings li,.rule-doc pre,tr{break-inside:avoid}
.rule-doc{break-inside:avoid-page;margin-bottom:12pt}
mark,.severity{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
}
`;

interface Counts {
  errors: number;
  warnings: number;
}

/** What dist/rule-docs.json holds for a rule (scripts/build-rule-docs.mjs). */
interface RuleDoc {
  summary: { zh: string; en: string };
  why: string | null;
  failing: { text: string; at: string[]; output: string[] } | null;
  passing: { text: string } | null;
}

/** The rule pages' extract, read only when an html report is made; {} when the build did not write it. */
function ruleDocs(): Record<string, RuleDoc> {
  try {
    return JSON.parse(readFileSync(packageFile('dist/rule-docs.json'), 'utf8')) as Record<string, RuleDoc>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

export function html(results: LintResult[], context: FormatContext): string {
  const t = TEXT[context.locale];
  const relative = (p: string) => (path.relative(context.cwd, p) || p).split(path.sep).join('/');
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const configOf = (file: string): string | undefined => {
    if (!context.configFiles || !(file in context.configFiles)) return undefined;
    const config = context.configFiles[file];
    return config ? relative(config) : t.defaults;
  };

  const byRule = new Map<string, Counts>();
  for (const m of results.flatMap((r) => r.messages)) {
    const counts = byRule.get(m.ruleId) ?? { errors: 0, warnings: 0 };
    if (m.severity === 2) counts.errors++;
    else counts.warnings++;
    byRule.set(m.ruleId, counts);
  }
  const ruleRows = [...byRule]
    .sort(([a, x], [b, y]) => y.errors + y.warnings - (x.errors + x.warnings) || a.localeCompare(b))
    .map(([id, c]) => {
      const description = context.rulesMeta[id]?.description[context.locale] ?? '';
      return `<tr data-rule="${esc(id)}"><td><a class="rule" href="#rule-${esc(id)}"><code>${esc(id)}</code></a></td><td>${esc(description)}</td><td class="n">${c.errors}</td><td class="n">${c.warnings}</td><td class="n">${c.errors + c.warnings}</td></tr>`;
    });
  const ruleTable = ruleRows.length
    ? `<table class="by-rule"><thead><tr><th>${t.rule}</th><th>${t.description}</th><th>${t.error}</th><th>${t.warning}</th><th>${t.total}</th></tr></thead>\n<tbody>\n${ruleRows.join('\n')}\n</tbody></table>`
    : '';

  const sections = results.map((result, i) => {
    const n = i + 1;
    const heading = `<h2>${esc(relative(result.filePath))}<span class="counts">${t.fileCounts(result.errorCount, result.warningCount)}</span></h2>`;
    const config = configOf(result.filePath);
    const configLine = config === undefined ? '' : `\n<p class="config">${t.config}: ${esc(config)}</p>`;
    if (result.messages.length === 0) return `<section class="file" id="file-${n}">\n${heading}${configLine}\n<p class="note">${t.clean}</p>\n</section>`;
    const source = context.sources?.[result.filePath];
    const ids = result.messages.map((_, j) => `f-${n}-${j + 1}`);
    const label = `${t.source}（${t.lineLabel(result.inputKind === 'docx')}）`;
    const text = source === undefined
      ? `<p class="note">${t.noSource}</p>`
      : `<pre class="source" aria-label="${esc(label)}">\n${highlight(source, result.messages, ids, result.outline)}</pre>`;
    const items = result.messages.map((m, j) => {
      const severity = m.severity === 2 ? 'error' : 'warning';
      const description = context.rulesMeta[m.ruleId]?.description[context.locale];
      return (
        `<li id="l-${ids[j]}" class="${severity}"><a href="#${ids[j]}">${esc(placeOf(result, m, context.locale))}</a>` +
        `<span class="severity ${severity}">${t[severity]}</span><span class="message">${esc(m.message)}</span>` +
        (m.related && source !== undefined ? `<span class="related-note">${t.related(m.related.length)}</span>` : '') +
        `<a class="rule" href="#rule-${esc(m.ruleId)}"><code class="rule"${description ? ` title="${esc(description)}"` : ''}>${esc(m.ruleId)}</code></a></li>`
      );
    });
    return `<section class="file" id="file-${n}">\n${heading}${configLine}\n<div class="panes">\n${text}\n<ol class="findings" aria-label="${t.findings}">\n${items.join('\n')}\n</ol>\n</div>\n</section>`;
  });

  const reported = [...byRule.keys()].sort();
  const docs = reported.length ? ruleDocs() : {};
  const explanations = reported.map((id) => ruleSection(id, docs[id], context, t));
  const configs = [...new Set(results.map((r) => configOf(r.filePath)).filter((c): c is string => c !== undefined))];
  const meta = [
    `${t.made}: ${timestamp(context.now ?? new Date())}`,
    `reportlint ${t.version} ${esc(packageVersion())}`,
    ...(configs.length ? [`${t.config}: ${configs.map(esc).join(context.locale === 'zh' ? '；' : '; ')}`] : []),
  ];

  return `<!DOCTYPE html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${t.title}</h1>
<p class="summary">${t.summary(results.length, errors, warnings)}</p>
<p class="meta">${meta.join(' · ')}</p>
${ruleTable ? `<section id="by-rule">\n<h2>${t.byRule}</h2>\n${ruleTable}\n</section>` : ''}
</header>
<main>
${sections.join('\n')}
${explanations.length ? `<section id="rules">\n<h2>${t.rules}</h2>\n${explanations.join('\n')}\n</section>` : ''}
</main>
<footer><p>${esc(t.footer)}</p></footer>
</body>
</html>
`;
}

/** A rule's explanation: what it checks, why, and what it reports and leaves alone. */
function ruleSection(id: string, doc: RuleDoc | undefined, context: FormatContext, t: (typeof TEXT)['zh' | 'en']): string {
  const description = context.rulesMeta[id]?.description[context.locale];
  const what = doc ? doc.summary[context.locale] : description;
  const parts = [`<h3><code>${esc(id)}</code></h3>`];
  if (what) parts.push(`<p class="what">${esc(what)}</p>`);
  if (doc?.why) parts.push(`<p class="why"><strong>${t.why}:</strong> ${esc(doc.why)}</p>`);
  if (doc?.failing) {
    parts.push(`<p class="example-label">${t.failing}</p>`, `<pre class="example failing">${esc(doc.failing.text)}</pre>`);
    if (doc.failing.output.length) parts.push(`<p class="reported">${t.reported}:</p><pre class="example output">${esc(doc.failing.output.join('\n'))}</pre>`);
  }
  if (doc?.passing) parts.push(`<p class="example-label">${t.passing}</p>`, `<pre class="example passing">${esc(doc.passing.text)}</pre>`);
  return `<section class="rule-doc" id="rule-${esc(id)}">\n${parts.join('\n')}\n</section>`;
}

/** 2026-12-04 10:50 (UTC+08:00): local time, with its offset so that a mailed page is unambiguous. */
function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())} (UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)})`;
}

interface Span {
  start: number;
  end: number;
  message: LintMessage;
  id: string;
  /** one of the other places of a summary finding */
  related: boolean;
}

const LINE_BREAK = /\r\n?|\n/g;

/**
 * The source as HTML: one `<span class="line">` per line (its class says title or heading level,
 * from the outline), a <mark> around each message's [offset, endOffset) and each of its related
 * places. Marks are closed at each line's end and continued on the next line.
 */
export function highlight(source: string, messages: readonly LintMessage[], ids: readonly string[], outline?: readonly OutlineEntry[]): string {
  const spans: Span[] = [];
  const clamp = (start: number, end: number) => {
    const a = Math.max(0, Math.min(start, source.length));
    return [a, Math.max(a, Math.min(end, source.length))] as const;
  };
  messages.forEach((message, i) => {
    const [start, end] = clamp(message.offset, message.endOffset);
    spans.push({ start, end, message, id: ids[i]!, related: false });
    for (const r of message.related ?? []) {
      const [rs, re] = clamp(r.offset, r.endOffset);
      spans.push({ start: rs, end: re, message, id: ids[i]!, related: true });
    }
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);

  // where each line after the first starts (a break at the very end opens no line)
  const lineStarts = new Set<number>();
  for (const m of source.matchAll(LINE_BREAK)) if (m.index + m[0].length < source.length) lineStarts.add(m.index + m[0].length);
  const levels = new Map((outline ?? []).map((o) => [o.line, o.level]));
  let line = 1;
  const openLine = () => {
    const level = levels.get(line);
    const cls = level === undefined ? 'line' : `line ${level === 0 ? 'title' : `h${Math.min(level, 3)}`}`;
    return `<span class="${cls}" data-line="${line}">`;
  };

  const points = [...new Set([...spans.flatMap((s) => [s.start, s.end]), ...lineStarts])].sort((a, b) => a - b);
  const open: Span[] = [];
  const tag = (s: Span, first: boolean, empty = false) => {
    const severity = s.message.severity === 2 ? 'error' : 'warning';
    const attributes = ` data-rule="${esc(s.message.ruleId)}" title="${esc(s.message.message)}">`;
    if (s.related) return `<mark class="finding-related ${severity}" data-for="${s.id}"${attributes}`;
    const cls = first ? `finding ${severity}${empty ? ' empty' : ''}` : `finding-part ${severity}`;
    const ref = first ? `id="${s.id}"` : `data-for="${s.id}"`;
    return `<mark class="${cls}" ${ref}${attributes}`;
  };
  let out = openLine();
  let pos = 0;
  let next = 0; // first span not yet opened
  for (const p of points) {
    out += escSource(source.slice(pos, p));
    pos = p;
    if (lineStarts.has(p)) {
      // a new line: close every mark, and continue those that go on after the line break
      const reopen = open.filter((s) => s.end > p);
      out += '</mark>'.repeat(open.length) + '</span>';
      open.length = 0;
      line++;
      out += openLine();
      for (const s of reopen) {
        out += tag(s, false);
        open.push(s);
      }
    } else if (open.some((s) => s.end === p)) {
      // close the spans that end here; spans above them in the stack are closed and reopened
      const reopen: Span[] = [];
      while (open.some((s) => s.end === p)) {
        const top = open.pop()!;
        out += '</mark>';
        if (top.end !== p) reopen.unshift(top);
      }
      for (const s of reopen) {
        out += tag(s, false);
        open.push(s);
      }
    }
    // open the spans that start here, the longest outermost; an empty one is a caret
    for (; next < spans.length && spans[next]!.start === p; next++) {
      const s = spans[next]!;
      if (s.end === p) out += `${tag(s, true, true)}</mark>`;
      else {
        out += tag(s, true);
        open.push(s);
      }
    }
  }
  return out + escSource(source.slice(pos)) + '</mark>'.repeat(open.length) + '</span>';
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function escSource(s: string): string {
  return esc(s.replace(/\r\n?/g, '\n'));
}
