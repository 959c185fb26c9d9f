import path from 'node:path';
import type { LintMessage, LintResult } from '../engine/lint.js';
import type { FormatContext } from './types.js';

/**
 * One self-contained HTML page for a reviewer who never opens a terminal: for each file the
 * draft's text with every finding highlighted where it is, the list of findings beside it
 * (each links to its highlight), and counts by rule at the top. No external resources, no
 * script: the page can be mailed as one file and opened offline.
 *
 * Highlights: finding i of file n is `<mark class="finding error|warning" id="f-n-i">` around
 * source [offset, endOffset). Nested ranges nest; a range that crosses the end of an enclosing
 * one is continued after it by `<mark class="finding-part" data-for="f-n-i">` pieces, so each
 * finding still has exactly one `mark.finding`. Empty ranges are an empty mark (a caret).
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
    byRule: '按规则统计',
    rule: '规则',
    description: '说明',
    total: '合计',
    findings: '问题列表',
    source: '原文',
    noSource: '未提供原文，无法标注位置。',
    clean: '未发现问题。',
    footer: '鼠标停在标注处可看到说明；点击列表中的位置可跳到原文中的标注。规则说明见 docs/rules/<规则>.md。',
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
    byRule: 'Problems by rule',
    rule: 'Rule',
    description: 'Description',
    total: 'Total',
    findings: 'Problems',
    source: 'Text',
    noSource: 'The text was not provided, so the problems cannot be shown in place.',
    clean: 'No problems found.',
    footer: 'Hover over a highlight to see the message; click a position in a list to jump to its highlight. Rules are described in docs/rules/<rule>.md.',
  },
};

const STYLE = `
body{margin:0;font:15px/1.6 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#1f2328;background:#f6f8fa}
header,main,footer{max-width:1400px;margin:0 auto;padding:0 24px}
h1{font-size:24px;margin:24px 0 8px}h2{font-size:18px;margin:0 0 12px}
.summary{margin:0 0 16px}
table{border-collapse:collapse;background:#fff;margin-bottom:24px}
th,td{border:1px solid #d0d7de;padding:4px 12px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.file{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:16px;margin-bottom:24px}
.file h2 .counts{font-weight:normal;font-size:14px;color:#59636e;margin-left:12px}
.panes{display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,2fr);gap:16px;align-items:start}
@media (max-width:900px){.panes{grid-template-columns:1fr}}
.source{margin:0;padding:12px;background:#fbfbfb;border:1px solid #e5e7eb;border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere;font:16px/1.9 "FangSong","STFangsong","Noto Serif CJK SC",serif;max-height:80vh;overflow:auto}
mark.finding,mark.finding-part{color:inherit;padding:0;border-bottom:2px solid}
mark.error{background:rgba(229,57,53,.16);border-color:#c62828}
mark.warning{background:rgba(245,166,35,.24);border-color:#b7791f}
mark.empty{display:inline-block;width:0;height:1.2em;vertical-align:text-bottom;border-bottom:0;border-left:3px solid;margin:0 1px}
mark:target{outline:3px solid #0969da;outline-offset:1px}
.findings{margin:0;padding-left:1.5em;max-height:80vh;overflow:auto}
.findings li{margin-bottom:6px}.findings li:target{background:#ddf4ff}
.findings a{font-variant-numeric:tabular-nums}
.severity{display:inline-block;font-size:12px;padding:0 6px;border-radius:10px;margin:0 4px;color:#fff}
.severity.error{background:#c62828}.severity.warning{background:#b7791f}
code.rule{font-size:12px;color:#59636e;margin-left:4px}
.note{color:#59636e}
footer{color:#59636e;font-size:13px;padding-bottom:24px}
`;

interface Counts {
  errors: number;
  warnings: number;
}

export function html(results: LintResult[], context: FormatContext): string {
  const t = TEXT[context.locale];
  const relative = (p: string) => (path.relative(context.cwd, p) || p).split(path.sep).join('/');
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);

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
      return `<tr data-rule="${esc(id)}"><td><code>${esc(id)}</code></td><td>${esc(description)}</td><td class="n">${c.errors}</td><td class="n">${c.warnings}</td><td class="n">${c.errors + c.warnings}</td></tr>`;
    });
  const ruleTable = ruleRows.length
    ? `<table class="by-rule"><thead><tr><th>${t.rule}</th><th>${t.description}</th><th>${t.error}</th><th>${t.warning}</th><th>${t.total}</th></tr></thead>\n<tbody>\n${ruleRows.join('\n')}\n</tbody></table>`
    : '';

  const sections = results.map((result, i) => {
    const n = i + 1;
    const heading = `<h2>${esc(relative(result.filePath))}<span class="counts">${t.fileCounts(result.errorCount, result.warningCount)}</span></h2>`;
    if (result.messages.length === 0) return `<section class="file" id="file-${n}">\n${heading}\n<p class="note">${t.clean}</p>\n</section>`;
    const source = context.sources?.[result.filePath];
    const ids = result.messages.map((_, j) => `f-${n}-${j + 1}`);
    const text = source === undefined ? `<p class="note">${t.noSource}</p>` : `<pre class="source" aria-label="${t.source}">\n${highlight(source, result.messages, ids)}</pre>`;
    const items = result.messages.map((m, j) => {
      const severity = m.severity === 2 ? 'error' : 'warning';
      const description = context.rulesMeta[m.ruleId]?.description[context.locale];
      return (
        `<li id="l-${ids[j]}" class="${severity}"><a href="#${ids[j]}">${m.line}:${m.column}</a>` +
        `<span class="severity ${severity}">${t[severity]}</span><span class="message">${esc(m.message)}</span>` +
        `<code class="rule"${description ? ` title="${esc(description)}"` : ''}>${esc(m.ruleId)}</code></li>`
      );
    });
    return `<section class="file" id="file-${n}">\n${heading}\n<div class="panes">\n${text}\n<ol class="findings" aria-label="${t.findings}">\n${items.join('\n')}\n</ol>\n</div>\n</section>`;
  });

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
${ruleTable ? `<section id="by-rule">\n<h2>${t.byRule}</h2>\n${ruleTable}\n</section>` : ''}
</header>
<main>
${sections.join('\n')}
</main>
<footer><p>${esc(t.footer)}</p></footer>
</body>
</html>
`;
}

interface Span {
  start: number;
  end: number;
  message: LintMessage;
  id: string;
}

/** The source as HTML with a <mark> around each message's [offset, endOffset). */
export function highlight(source: string, messages: readonly LintMessage[], ids: readonly string[]): string {
  const spans: Span[] = messages
    .map((message, i) => {
      const start = Math.max(0, Math.min(message.offset, source.length));
      return { start, end: Math.max(start, Math.min(message.endOffset, source.length)), message, id: ids[i]! };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const points = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const open: Span[] = [];
  const tag = (s: Span, first: boolean, empty = false) => {
    const severity = s.message.severity === 2 ? 'error' : 'warning';
    const cls = first ? `finding ${severity}${empty ? ' empty' : ''}` : `finding-part ${severity}`;
    const ref = first ? `id="${s.id}"` : `data-for="${s.id}"`;
    return `<mark class="${cls}" ${ref} data-rule="${esc(s.message.ruleId)}" title="${esc(s.message.message)}">`;
  };
  let out = '';
  let pos = 0;
  let next = 0; // first span not yet opened
  for (const p of points) {
    out += escSource(source.slice(pos, p));
    pos = p;
    // close the spans that end here; spans above them in the stack are closed and reopened
    if (open.some((s) => s.end === p)) {
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
  return out + escSource(source.slice(pos));
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function escSource(s: string): string {
  return esc(s.replace(/\r\n?/g, '\n'));
}
