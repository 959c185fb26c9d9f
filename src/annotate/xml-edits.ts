/**
 * Comments and tracked changes written into word/document.xml in place, by offsets.
 *
 * Nothing is regenerated: the XML text is copied and only the runs a comment or a change cuts
 * through are rewritten (split at the cut, each piece with the run's own start tag and w:rPr, so
 * its formatting is kept), and the new markup (w:commentRangeStart/End, the w:commentReference
 * run, w:del around the deleted pieces with their w:t turned into w:delText, w:ins with a run in
 * the formatting of the text it follows) is put between runs. Every other byte passes through.
 */
import type { CharXml, DocumentXml, MappedText, ParagraphXml, RunXml, TextElement } from './xml-map.js';

/** Fresh w:id values, above every id the package already uses. */
export class Ids {
  constructor(private next: number) {}
  take(): number {
    return this.next++;
  }
}

interface Mark {
  at: number;
  /** at one place: inserted text first, then comment ends, then comment starts */
  order: 0 | 1 | 2;
  xml: string;
  seq: number;
}

interface Edit {
  from: number;
  to: number;
  text: string;
  order: number;
  seq: number;
}

/** Why a change could not be written as a tracked change. */
export type RefusedChange = 'unmapped' | 'locked' | 'crosses' | 'objects';

const RANGE_MARKUP = new Set(['w:bookmarkStart', 'w:bookmarkEnd', 'w:proofErr', 'w:commentRangeStart', 'w:commentRangeEnd', 'w:permStart', 'w:permEnd']);

export class DocumentEditor {
  private readonly marks: Mark[] = [];
  /** deleted XML regions [from, to), each inside one container */
  private readonly deletions: Array<{ from: number; to: number }> = [];
  /** every mapped run by its start offset, with its w:t elements */
  private readonly runs = new Map<number, { run: RunXml; texts: TextElement[] }>();
  /** self-closing paragraphs that receive markup: their start offset */
  private readonly opened = new Map<number, ParagraphXml>();
  private seq = 0;
  private readonly w: (name: string) => string;
  private readonly changeAttrs: () => string;

  constructor(private readonly doc: DocumentXml, private readonly ids: Ids, author: string, date: string) {
    this.w = (name) => (doc.prefix === '' ? name : `${doc.prefix}:${name}`);
    this.changeAttrs = () => `${this.w('id')}="${ids.take()}" ${this.w('author')}="${escapeXml(author)}" ${this.w('date')}="${date}"`;
  }

  /** Make a paragraph's characters known (their runs may be split). */
  register(mapped: MappedText): void {
    for (const c of mapped.chars) {
      let entry = this.runs.get(c.run.start);
      if (!entry) this.runs.set(c.run.start, (entry = { run: c.run, texts: [] }));
      if (c.t && !entry.texts.includes(c.t)) entry.texts.push(c.t);
    }
  }

  /** Anchor comment `id` on text [a, b) of a mapped paragraph (b > a), or on the whole paragraph when `mapped` is null or empty. */
  comment(id: number, p: ParagraphXml, mapped: MappedText | null, a: number, b: number): void {
    const start = `<${this.w('commentRangeStart')} ${this.w('id')}="${id}"/>`;
    const end = `<${this.w('commentRangeEnd')} ${this.w('id')}="${id}"/><${this.w('r')}><${this.w('commentReference')} ${this.w('id')}="${id}"/></${this.w('r')}>`;
    if (!mapped || mapped.chars.length === 0) {
      if (p.selfClosing) this.opened.set(p.start, p);
      if (p.contentStart === p.contentEnd) this.mark(p.contentStart, 1, start + end);
      else {
        this.mark(p.contentStart, 2, start);
        this.mark(p.contentEnd, 1, end);
      }
      return;
    }
    const from = Math.max(0, Math.min(a, mapped.chars.length - 1));
    const to = Math.max(from + 1, Math.min(b, mapped.chars.length));
    this.mark(this.before(mapped.chars[from]!), 2, start);
    this.mark(this.after(mapped.chars[to - 1]!), 1, end);
  }

  /**
   * Write the replacement of text [a, b) by `text` as a tracked change (w:del + w:ins), or say
   * why it cannot be: deleted characters must be plain text of runs side by side in one place
   * (not a field's result, a content control or another author's insertion), with nothing else
   * between them that the deletion would take along (a footnote reference, a break, a picture).
   */
  change(mapped: MappedText, a: number, b: number, text: string): RefusedChange | null {
    const chars = mapped.chars;
    let at: number;
    let rPr: string;
    if (b > a) {
      const span = chars.slice(a, b);
      if (span.some((c) => !c.editable || !c.run.editable)) return 'locked';
      const container = span[0]!.run.container;
      if (span.some((c) => c.run.container !== container)) return 'crosses';
      const from = this.before(span[0]!);
      const to = this.after(span[span.length - 1]!);
      const problem = this.checkDeletion(from, to, new Set(span.map((c) => c.run.start)));
      if (problem) return problem;
      this.deletions.push({ from, to });
      at = to;
      rPr = span[span.length - 1]!.run.rPr;
    } else {
      const options: Array<[CharXml | undefined, 'after' | 'before']> = [[chars[a - 1], 'after'], [chars[a], 'before']];
      const usable = options.find(([c]) => c !== undefined && c.editable && c.run.editable);
      if (!usable) return chars.length === 0 ? 'unmapped' : 'locked';
      const [c, side] = usable;
      at = side === 'after' ? this.after(c!) : this.before(c!);
      rPr = c!.run.rPr;
    }
    if (text.length) {
      const runs = text.split(/(\t)/).filter((s) => s !== '').map((s) => (s === '\t' ? `<${this.w('tab')}/>` : `<${this.w('t')} xml:space="preserve">${escapeXml(s)}</${this.w('t')}>`)).join('');
      this.mark(at, 0, `<${this.w('ins')} ${this.changeAttrs()}><${this.w('r')}>${withoutChangeHistory(rPr, this.doc.prefix)}${runs}</${this.w('r')}></${this.w('ins')}>`);
    }
    return null;
  }

  /** The document XML with every comment and change written. */
  result(): string {
    const xml = this.doc.xml;
    const edits: Edit[] = [];
    const inner = new Map<number, Mark[]>();
    for (const mark of this.marks) {
      const run = this.runAt(mark.at);
      if (run) (inner.get(run.start) ?? inner.set(run.start, []).get(run.start)!).push(mark);
      else edits.push({ from: mark.at, to: mark.at, text: mark.xml, order: mark.order, seq: mark.seq });
    }
    for (const { run, texts } of this.runs.values()) {
      const marks = inner.get(run.start) ?? [];
      const cuts = new Set(marks.map((m) => m.at));
      const deleted = this.deletions.filter((d) => d.from < run.contentEnd && d.to > run.contentStart);
      if (!marks.length && !deleted.length) continue;
      for (const d of deleted) {
        if (d.from > run.contentStart && d.from < run.contentEnd) cuts.add(d.from);
        if (d.to > run.contentStart && d.to < run.contentEnd) cuts.add(d.to);
      }
      edits.push({ from: run.start, to: run.end, text: this.rewriteRun(run, texts, [...cuts].sort((x, y) => x - y), marks, deleted), order: 3, seq: this.seq++ });
    }
    for (const p of this.opened.values()) {
      // <w:p/> opened to hold a comment: its marks go between the new start and end tags
      edits.push({ from: p.start, to: p.end, text: `<${this.w('p')}>`, order: 3, seq: this.seq++ });
      edits.push({ from: p.end, to: p.end, text: `</${this.w('p')}>`, order: 9, seq: this.seq++ });
    }
    edits.sort((x, y) => x.from - y.from || (x.to === x.from ? 0 : 1) - (y.to === y.from ? 0 : 1) || x.order - y.order || x.seq - y.seq);
    let out = '';
    let copied = 0;
    for (const e of edits) {
      if (e.from < copied) throw new Error(`overlapping edits at ${e.from}`);
      out += xml.slice(copied, e.from) + e.text;
      copied = e.to;
    }
    return out + xml.slice(copied);
  }

  // --- places -----------------------------------------------------------------------------

  /** The XML offset just before a character, outside its run when it is the run's first content. */
  private before(c: CharXml): number {
    return c.start <= c.run.contentStart ? c.run.start : c.start;
  }

  /** The XML offset just after a character, outside its run when it is the run's last content. */
  private after(c: CharXml): number {
    return c.end >= c.run.contentEnd ? c.run.end : c.end;
  }

  private mark(at: number, order: Mark['order'], xml: string): void {
    // a self-closing paragraph's marks sit between the start and end tags it is opened into
    this.marks.push({ at, order, xml, seq: this.seq++ });
  }

  /** The run whose content strictly contains `at`, if any. */
  private runAt(at: number): RunXml | null {
    for (const { run } of this.runs.values()) if (at > run.contentStart && at < run.contentEnd) return run;
    return null;
  }

  /** Between `from` and `to` only the runs of the deleted characters (holding nothing else) and range markers. */
  private checkDeletion(from: number, to: number, runStarts: Set<number>): RefusedChange | null {
    if (this.deletions.some((d) => d.from < to && d.to > from)) return 'crosses';
    const first = this.runAt(from);
    const last = this.runAt(to);
    for (const run of [first, last]) {
      if (run && run.others.some(([s, e]) => s < to && e > from)) return 'objects';
    }
    if (first && first === last) return null;
    const scanFrom = first ? first.end : from;
    const scanTo = last ? last.start : to;
    const tags = this.doc.tags;
    // (tags are in document order: start at the first one at or after scanFrom)
    let lo = 0;
    for (let hi = tags.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (tags[mid]!.start < scanFrom) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < tags.length; i++) {
      const tag = tags[i]!;
      if (tag.start >= scanTo) break;
      if (tag.name === 'w:r' && tag.kind === 'start') {
        const entry = this.runs.get(tag.start);
        if (!entry || !runStarts.has(tag.start)) return 'objects';
        if (entry.run.others.some(([s, e]) => s < to && e > from)) return 'objects';
        while (i + 1 < tags.length && tags[i + 1]!.start < entry.run.end) i++;
        continue;
      }
      if (RANGE_MARKUP.has(tag.name)) continue;
      // anything else at the run level (an empty run, a field, a hyperlink's edge, a content control…)
      return 'crosses';
    }
    return null;
  }

  private rewriteRun(run: RunXml, texts: TextElement[], cuts: number[], marks: Mark[], deleted: Array<{ from: number; to: number }>): string {
    const xml = this.doc.xml;
    const bounds = [run.contentStart, ...cuts, run.contentEnd];
    const textAt = (at: number) => texts.find((t) => at > t.tagEnd && at < t.closeStart);
    const split = new Set(cuts.map(textAt).filter((t): t is TextElement => t !== undefined));
    const tOpen = `<${this.w('t')} xml:space="preserve">`;
    const tClose = `</${this.w('t')}>`;
    let out = '';
    for (let k = 0; k + 1 < bounds.length; k++) {
      const x = bounds[k]!;
      const y = bounds[k + 1]!;
      let body = '';
      if (k > 0 && textAt(x)) body += tOpen;
      // the w:t start tags of split text inside this piece say that their spaces count
      let copied = x;
      for (const t of split) {
        if (t.tagStart >= x && t.tagEnd <= y && !t.preserve) {
          body += xml.slice(copied, t.tagStart) + tOpen;
          copied = t.tagEnd;
        }
      }
      body += xml.slice(copied, y);
      if (k + 2 < bounds.length && textAt(y)) body += tClose;
      const rPr = k === 0 ? run.rPr : this.freshIds(run.rPr);
      let piece = `${run.startTag}${rPr}${body}</${this.w('r')}>`;
      if (deleted.some((d) => d.from <= x && d.to >= y)) {
        piece = `<${this.w('del')} ${this.changeAttrs()}>${toDeletedText(piece, this.doc.prefix)}</${this.w('del')}>`;
      }
      out += piece;
      if (k + 2 < bounds.length) {
        out += marks.filter((m) => m.at === y).sort((p, q) => p.order - q.order || p.seq - q.seq).map((m) => m.xml).join('');
      }
    }
    return out;
  }

  /** A run's w:rPr for a second piece of it: a tracked formatting change in it gets an id of its own. */
  private freshIds(rPr: string): string {
    const idAttr = new RegExp(`(\\s${this.doc.prefix === '' ? '' : `${this.doc.prefix}:`}id\\s*=\\s*")\\d+(")`, 'g');
    return rPr.replace(idAttr, (_, open: string, close: string) => `${open}${this.ids.take()}${close}`);
  }
}

function name(prefix: string, local: string): string {
  return prefix === '' ? local : `${prefix}:${local}`;
}

/** w:t → w:delText in a deleted run. */
function toDeletedText(run: string, prefix: string): string {
  const t = name(prefix, 't');
  return run
    .replace(new RegExp(`<${t}(?=[\\s/>])`, 'g'), `<${name(prefix, 'delText')}`)
    .replace(new RegExp(`</${t}\\s*>`, 'g'), `</${name(prefix, 'delText')}>`);
}

/** A w:rPr without its tracked formatting change (new inserted text has no history). */
function withoutChangeHistory(rPr: string, prefix: string): string {
  const change = name(prefix, 'rPrChange');
  return rPr.replace(new RegExp(`<${change}\\b[^>]*/>|<${change}\\b[\\s\\S]*?</${change}>`, 'g'), '');
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
