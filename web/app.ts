/**
 * The page of `reportlint serve`: a CodeMirror 6 editor whose findings come from the server's
 * /api/check (the same engine as the CLI), marked in place (@codemirror/lint) and listed beside
 * it with each rule's explanation; fixes one by one or all at once, undoable; a summary table of
 * many drafts. Everything it loads comes from the server that sent it.
 */
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, undo } from '@codemirror/commands';
import { forceLinting, linter, lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';

type Lang = 'zh' | 'en';
interface Localized { zh: string; en: string }
interface Finding {
  ruleId: string; severity: 1 | 2; message: string; line: number; column: number;
  offset: number; endOffset: number; fix?: { range: [number, number]; text: string };
}
interface CheckAnswer { inputKind: 'docx' | 'markdown' | 'text'; text: string; messages: Finding[]; changed?: boolean }
interface RuleInfo { id: string; description: Localized; fixable: boolean; enabled: boolean; doc: string | null }
/** a draft as the page holds it: a pasted text, or an opened file's bytes (base64) */
interface Upload { name: string; text?: string; file?: string }

const lang: Lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
const T = {
  zh: {
    tabDraft: '检查草稿', tabSummary: '汇总', open: '打开文件…', previous: '上一年度报告…', fixAll: '全部修复', undo: '撤销',
    downloadText: '下载修改后的文本', downloadDocx: '下载批注稿（.docx）', findings: '问题', dropHint: '可将 .docx、.md、.txt 拖到此处，或直接粘贴文本',
    openMany: '选择多个文件…', openFolder: '选择文件夹…', dropMany: '或将多份草稿拖到下方', fix: '修复', explain: '说明', noFindings: '未发现问题',
    pasted: '粘贴的文本', draft: '草稿', total: '合计', errors: '错误', warnings: '警告', checking: '正在检查…', para: '段', line: '行', col: '列',
    noPrevious: '（未给出）', clearPrevious: '清除', notChecked: '未能检查', fixedNone: '没有可自动修复的问题', docxEdited: '已修改的 Word 草稿按纯文本检查',
  },
  en: {
    tabDraft: 'Check a draft', tabSummary: 'Summary', open: 'Open a file…', previous: "Last year's report…", fixAll: 'Fix all', undo: 'Undo',
    downloadText: 'Download the fixed text', downloadDocx: 'Download the reviewed copy (.docx)', findings: 'Findings', dropHint: 'Drop a .docx, .md or .txt here, or paste text',
    openMany: 'Choose files…', openFolder: 'Choose a folder…', dropMany: 'or drop several drafts below', fix: 'Fix', explain: 'Explain', noFindings: 'No findings',
    pasted: 'pasted text', draft: 'Draft', total: 'Total', errors: 'errors', warnings: 'warnings', checking: 'Checking…', para: 'para', line: 'line', col: 'col',
    noPrevious: '(none)', clearPrevious: 'clear', notChecked: 'not checked', fixedNone: 'nothing to fix automatically', docxEdited: 'an edited Word draft is checked as plain text',
  },
}[lang];

const $ = <E extends HTMLElement>(id: string): E => document.getElementById(id) as E;
let rules = new Map<string, RuleInfo>();
let canReview = false;

/** the draft in the editor: its name, and for an opened file its bytes with the findings on them */
const current: { name: string; upload: Upload | null; loadedText: string | null; loadedFindings: Finding[] | null; kind: CheckAnswer['inputKind'] } = {
  name: 'draft.txt', upload: null, loadedText: null, loadedFindings: null, kind: 'text',
};
let previous: Upload | null = null;
let shown: Finding[] = [];

function status(message: string | null, info = false): void {
  const el = $('status');
  el.hidden = message === null;
  el.textContent = message ?? '';
  el.className = info ? 'info' : '';
}

class Refused extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

async function api<A>(route: string, body: unknown): Promise<A> {
  let response: Response;
  try {
    response = await fetch(route, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new Refused(0, lang === 'en' ? 'the service cannot be reached' : '无法连接检查服务');
  }
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      const answer = (await response.json()) as { error?: Localized };
      if (answer.error) message = answer.error[lang];
    } catch { /* not JSON: the status says it */ }
    throw new Refused(response.status, message);
  }
  return (route.endsWith('-docx') ? (await response.blob()) : await response.json()) as A;
}

const requestOf = (draft: Upload): Record<string, unknown> => ({ ...draft, previous, lang });

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function uploadOf(file: File): Promise<Upload> {
  return { name: file.name, file: base64(new Uint8Array(await file.arrayBuffer())) };
}

/** the name a text check goes under: an edited .docx is plain text now */
const textName = (): string => (/\.docx$/i.test(current.name) ? `${current.name}.txt` : current.name);

// --- the editor ------------------------------------------------------------------------------

const diagnosticsOf = (findings: Finding[], docLength: number): Diagnostic[] => findings.map((f) => ({
  from: Math.min(f.offset, docLength),
  to: Math.min(Math.max(f.endOffset, f.offset), docLength),
  severity: f.severity === 2 ? 'error' : 'warning',
  source: f.ruleId,
  message: f.message,
  actions: f.fix ? [{ name: T.fix, apply: (view: EditorView) => applyFix(view, f) }] : [],
}));

function applyFix(view: EditorView, f: Finding): void {
  if (!f.fix) return;
  view.dispatch({ changes: { from: f.fix.range[0], to: f.fix.range[1], insert: f.fix.text }, userEvent: 'input.fix' });
}

/** the findings on the editor's text as diagnostics (the linter's source, and a re-check's) */
async function lintSource(view: EditorView): Promise<Diagnostic[]> {
  const text = view.state.doc.toString();
  let findings: Finding[];
  if (current.loadedText !== null && current.loadedFindings && text === current.loadedText) findings = current.loadedFindings;
  else if (text.trim() === '') findings = [];
  else {
    try {
      findings = (await api<CheckAnswer>('/api/check', requestOf({ name: textName(), text }))).messages;
      if (current.kind === 'docx') status(T.docxEdited, true);
      else status(null);
    } catch (error) {
      status((error as Error).message);
      return [];
    }
  }
  // the findings are about `text`; the editor may have moved on (a newer check follows then)
  if (view.state.doc.toString() !== text) return [];
  shown = findings;
  renderFindings(view, findings);
  return diagnosticsOf(findings, text.length);
}
const draftLinter = linter(lintSource, { delay: 500 });

/** Check again with the text unchanged (last year's report given or cleared): the linter runs only on edits. */
async function recheck(): Promise<void> {
  const text = view.state.doc.toString();
  const diagnostics = await lintSource(view);
  if (view.state.doc.toString() === text) view.dispatch(setDiagnostics(view.state, diagnostics));
}

const view = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: '',
    // CodeMirror writes its theme into a <style> element: the page's CSP admits it by this nonce
    extensions: [EditorView.cspNonce.of(document.querySelector<HTMLMetaElement>('meta[name=csp-nonce]')?.content ?? ''), lineNumbers(), history(), keymap.of([...defaultKeymap, ...historyKeymap]), EditorView.lineWrapping, draftLinter, lintGutter()],
  }),
});

function setDraft(text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  forceLinting(view);
}

function place(f: Finding): string {
  return current.kind === 'docx' && current.loadedText === view.state.doc.toString()
    ? `${T.para} ${f.line}:${f.column}` : `${f.line}:${f.column}`;
}

function renderFindings(editor: EditorView, findings: Finding[]): void {
  const list = $('findings');
  list.replaceChildren();
  const errors = findings.filter((f) => f.severity === 2).length;
  $('count').textContent = `(${errors} ${T.errors}, ${findings.length - errors} ${T.warnings})`;
  if (findings.length === 0) {
    const li = document.createElement('li');
    li.textContent = T.noFindings;
    list.append(li);
  }
  for (const f of findings) {
    const li = document.createElement('li');
    li.className = 'finding';
    li.dataset['rule'] = f.ruleId;
    const sev = document.createElement('span');
    sev.className = `sev ${f.severity === 2 ? 'error' : 'warning'}`;
    sev.textContent = f.severity === 2 ? (lang === 'en' ? 'error' : '错误') : (lang === 'en' ? 'warning' : '警告');
    const rule = document.createElement('span');
    rule.className = 'rule';
    rule.textContent = f.ruleId;
    rule.title = rules.get(f.ruleId)?.description[lang] ?? '';
    const where = document.createElement('a');
    where.href = '#';
    where.className = 'place';
    where.textContent = place(f);
    where.addEventListener('click', (event) => {
      event.preventDefault();
      editor.dispatch({ selection: { anchor: f.offset, head: Math.max(f.offset, f.endOffset) }, scrollIntoView: true });
      editor.focus();
    });
    const message = document.createElement('div');
    message.className = 'message';
    message.textContent = f.message;
    const actions = document.createElement('div');
    actions.className = 'finding-actions';
    if (f.fix) {
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.className = 'fix';
      fix.textContent = T.fix;
      fix.addEventListener('click', () => applyFix(editor, f));
      actions.append(fix);
    }
    const doc = rules.get(f.ruleId)?.doc;
    if (doc) {
      const explain = document.createElement('button');
      explain.type = 'button';
      explain.textContent = T.explain;
      const pre = document.createElement('div');
      pre.className = 'doc';
      pre.hidden = true;
      pre.textContent = doc;
      const toggle = (): void => { pre.hidden = !pre.hidden; };
      explain.addEventListener('click', toggle);
      rule.addEventListener('click', toggle);
      actions.append(explain, pre);
    }
    li.append(sev, rule, where, message, actions);
    list.append(li);
  }
}

/** Open a file: the server reads it (a .docx, a GB18030 text) and says what it finds. */
async function openDraft(upload: Upload): Promise<void> {
  status(T.checking, true);
  try {
    const given = previous;
    const answer = await api<CheckAnswer>('/api/check', requestOf(upload));
    // last year's report given or cleared while this check ran: its findings are stale, check again
    if (previous !== given) return await openDraft(upload);
    const text = answer.text.replace(/\r\n?/g, '\n');
    current.name = upload.name;
    current.upload = upload;
    current.kind = answer.inputKind;
    // the findings' offsets are into the text as read; with its line ends changed, check the text again
    current.loadedText = text === answer.text ? text : null;
    current.loadedFindings = text === answer.text ? answer.messages : null;
    $('draft-name').textContent = upload.name;
    $('download-docx').hidden = answer.inputKind !== 'docx';
    showView('draft');
    status(null);
    setDraft(text);
  } catch (error) {
    status((error as Error).message);
  }
}

// --- the toolbar -------------------------------------------------------------------------------

$<HTMLInputElement>('open').addEventListener('change', async (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (file) await openDraft(await uploadOf(file));
  input.value = '';
});

$<HTMLInputElement>('previous').addEventListener('change', async (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  previous = file ? await uploadOf(file) : null;
  input.value = '';
  renderPrevious();
  await previousChanged();
});

/** the findings change with last year's report (previous-shortcomings): an opened file unchanged is read again, a text checked again */
async function previousChanged(): Promise<void> {
  const unchangedFile = current.upload !== null && current.loadedText !== null && view.state.doc.toString() === current.loadedText;
  current.loadedFindings = null;
  if (unchangedFile) await openDraft(current.upload!);
  else await recheck();
}

function renderPrevious(): void {
  const el = $('previous-name');
  el.replaceChildren(previous ? previous.name : T.noPrevious);
  if (previous) {
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = T.clearPrevious;
    clear.addEventListener('click', () => {
      previous = null;
      renderPrevious();
      void previousChanged();
    });
    el.append(' ', clear);
  }
}

$('fix-all').addEventListener('click', async () => {
  const text = view.state.doc.toString();
  if (!text.trim()) return;
  try {
    const answer = await api<CheckAnswer>('/api/fix', requestOf({ name: textName(), text }));
    if (!answer.changed) return status(T.fixedNone, true);
    status(null);
    // one transaction: one undo takes every fix back
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: answer.text }, userEvent: 'input.fix' });
  } catch (error) {
    status((error as Error).message);
  }
});

$('undo').addEventListener('click', () => {
  undo(view);
  view.focus();
});

function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

$('download-text').addEventListener('click', () => {
  const base = current.name.replace(/\.(docx|txt|md|markdown)$/i, '');
  const ext = /\.(md|markdown)$/i.test(current.name) ? '.md' : '.txt';
  download(new Blob([view.state.doc.toString()], { type: 'text/plain;charset=utf-8' }), `${base}${lang === 'en' ? '-fixed' : '-修改后'}${ext}`);
});

$('download-docx').addEventListener('click', async () => {
  if (!current.upload?.file) return;
  try {
    const blob = await api<Blob>('/api/reviewed-docx', requestOf(current.upload));
    // named as the CLI's --annotate names a reviewed copy
    download(blob, `${current.name.replace(/\.docx$/i, '')}.reportlint.docx`);
    status(null);
  } catch (error) {
    status((error as Error).message);
  }
});

// dropping a file on the editor opens it; text pasted or dropped is edited as usual
const editorEl = $('editor');
editorEl.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) {
    event.preventDefault();
    editorEl.classList.add('dragging');
  }
});
editorEl.addEventListener('dragleave', () => editorEl.classList.remove('dragging'));
editorEl.addEventListener('drop', async (event) => {
  editorEl.classList.remove('dragging');
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  event.preventDefault();
  event.stopPropagation();
  await openDraft(await uploadOf(file));
}, true);

// --- the summary: many drafts × rules ----------------------------------------------------------

const DRAFT_FILE = /\.(docx|md|markdown|txt)$/i;

async function summarize(files: File[]): Promise<void> {
  const drafts = files.filter((f) => DRAFT_FILE.test(f.name)).sort((a, b) => (a.webkitRelativePath || a.name).localeCompare(b.webkitRelativePath || b.name));
  const rows: Array<{ file: File; upload: Upload; counts: Map<string, number>; errors: number; warnings: number; problem: string | null }> = [];
  status(T.checking, true);
  // one at a time: the office's service is shared
  for (const file of drafts) {
    const upload = await uploadOf(file);
    try {
      const answer = await api<CheckAnswer>('/api/check', requestOf(upload));
      const counts = new Map<string, number>();
      for (const m of answer.messages) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
      const errors = answer.messages.filter((m) => m.severity === 2).length;
      rows.push({ file, upload, counts, errors, warnings: answer.messages.length - errors, problem: null });
    } catch (error) {
      rows.push({ file, upload, counts: new Map(), errors: 0, warnings: 0, problem: (error as Error).message });
    }
  }
  status(null);
  const ruleIds = [...rules.keys()].filter((id) => rows.some((r) => r.counts.has(id)));
  const table = $<HTMLTableElement>('summary');
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const label of [T.draft, ...ruleIds, T.errors, T.warnings]) {
    const th = document.createElement('th');
    th.textContent = label;
    if (rules.has(label)) th.title = rules.get(label)!.description[lang];
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.insertCell().textContent = row.file.webkitRelativePath || row.file.name;
    if (row.problem !== null) {
      const cell = tr.insertCell();
      cell.colSpan = ruleIds.length + 2;
      cell.textContent = `${T.notChecked}: ${row.problem}`;
    } else {
      for (const id of ruleIds) {
        const n = row.counts.get(id) ?? 0;
        const cell = tr.insertCell();
        cell.textContent = String(n);
        if (n === 0) cell.className = 'zero';
      }
      tr.insertCell().textContent = String(row.errors);
      tr.insertCell().textContent = String(row.warnings);
    }
    tr.addEventListener('click', () => void openDraft(row.upload));
  }
}

for (const id of ['open-many', 'open-folder']) {
  $<HTMLInputElement>(id).addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    await summarize([...(input.files ?? [])]);
    input.value = '';
  });
}
const dropMany = $('summary-drop');
dropMany.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropMany.classList.add('dragging');
});
dropMany.addEventListener('dragleave', () => dropMany.classList.remove('dragging'));
dropMany.addEventListener('drop', async (event) => {
  event.preventDefault();
  dropMany.classList.remove('dragging');
  const items = [...(event.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  await summarize((await Promise.all(items.map(filesOf))).flat());
});

/** every file of a dropped folder, read through the entry API (a dropped folder is not in dataTransfer.files) */
async function filesOf(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) return [await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map(filesOf))).flat();
}

// --- views and start -----------------------------------------------------------------------------

function showView(which: 'draft' | 'summary'): void {
  $('draft-view').hidden = which !== 'draft';
  $('summary-view').hidden = which !== 'summary';
  $('tab-draft').setAttribute('aria-pressed', String(which === 'draft'));
  $('tab-summary').setAttribute('aria-pressed', String(which === 'summary'));
}
$('tab-draft').addEventListener('click', () => showView('draft'));
$('tab-summary').addEventListener('click', () => showView('summary'));

document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = T[el.dataset['i18n'] as keyof typeof T];
for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = T[el.dataset['i18nTitle'] as keyof typeof T];
const langLink = $<HTMLAnchorElement>('lang');
langLink.href = lang === 'en' ? '?lang=zh' : '?lang=en';
langLink.textContent = lang === 'en' ? '中文' : 'English';
renderPrevious();

void (async () => {
  try {
    const response = await fetch('/api/rules');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const info = (await response.json()) as { rules: RuleInfo[]; reviewedCopy: boolean };
    rules = new Map(info.rules.map((r) => [r.id, r]));
    canReview = info.reviewedCopy;
    $('download-docx').title = canReview ? '' : (lang === 'en' ? 'not available on this service yet' : '本服务暂不提供');
    document.body.dataset['ready'] = 'true';
    renderFindings(view, shown);
  } catch (error) {
    status((lang === 'en' ? 'the service cannot be reached: ' : '无法连接检查服务：') + (error as Error).message);
  }
})();
