import { readFileSync } from 'node:fs';
import type { DocumentModel } from '../../src/document/model.js';
import type { DateMention, Figure } from '../../src/document/facts/index.js';

export const seedText = (name: string): string => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8');

/** "line:column raw → value unit «label» ~approx [from–to]" — one figure per row, easy to read and pin */
export function figureRow(doc: DocumentModel, f: Figure): string {
  const p = doc.pointAt(f.start);
  const approx = f.approximations.length ? ` ~${f.approximations.join('/')}` : '';
  const range = f.range ? ` [${f.range.from}–${f.range.to}${f.range.unitOnBoth ? '' : '?'}]` : '';
  return `${p.line}:${p.column} ${doc.source.slice(f.start, f.end)} → ${f.value} ${f.unit ?? '-'} «${f.label}»${approx}${range}`;
}

/** "line:column raw kind y-m-d relative/period valid" */
export function dateRow(doc: DocumentModel, d: DateMention): string {
  const p = doc.pointAt(d.start);
  const ymd = [d.year ?? '?', d.month ?? '', d.day ?? ''].filter((x) => x !== '').join('-');
  const extra = d.relative ?? d.period ?? (d.range ? `${d.range.from}..${d.range.to}` : '');
  return `${p.line}:${p.column} ${doc.source.slice(d.start, d.end)} ${d.kind} ${ymd}${extra ? ' ' + extra : ''}${d.valid ? '' : ' INVALID'}${d.inHeading ? ' H' : ''}`;
}
