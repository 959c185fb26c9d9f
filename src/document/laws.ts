/**
 * The titles of laws and regulations the law-citation rule checks against (data/laws/, see its
 * README): the national list (laws.tsv), the laws repealed outright (repealed.tsv), the central
 * documents every 法治 report cites with their year spans (documents.tsv).
 *
 * `npm run build` compiles them into dist/laws.json (scripts/build-laws.mjs), which loadLaws()
 * reads on first use only: a run whose drafts cite no law never reads it. Without dist/laws.json
 * (the tests run the TypeScript) the files of data/laws/ are compiled in place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { packageFile } from '../paths.js';

export interface RepealedLaw {
  /** the title without 中华人民共和国 */
  name: string;
  /** YYYY-MM-DD: the day the repeal took effect */
  date: string;
  /** the title that replaced it, as it is cited in full */
  by: string;
}

export interface DatedDocument {
  /** the title without its span: 法治政府建设实施纲要 */
  title: string;
  /** the years of the span in the title (2021—2025年), null for a document without one */
  span: [number, number] | null;
  /** known miswritings of the title, found anywhere in the text */
  miswritings: string[];
}

/** What dist/laws.json holds. */
export interface CompiledLaws {
  /** the key (titleKey) of every title in force: laws.tsv less the repealed, plus documents.tsv */
  titles: string[];
  repealed: RepealedLaw[];
  documents: DatedDocument[];
}

const PREFIX = '中华人民共和国';

/**
 * What a text must contain for a dated document or a miswriting of documents.tsv to be in it: the
 * rule reads the data only where this or a 《…》 law title is present, so compileLaws() refuses a
 * document with a span or a miswriting that this does not match.
 */
export const DOCUMENT_HINT = /纲要|规划|督查/;

/**
 * The key a title is looked up by: without spaces, without the prefix 中华人民共和国 and without
 * trailing brackets ((2021年修订), (试行), (二)).
 */
export function titleKey(title: string): string {
  let t = title.replace(/\s+/g, '');
  if (t.startsWith(PREFIX)) t = t.slice(PREFIX.length);
  for (;;) {
    const u = t.replace(/[（(][^（）()]*[）)]$/u, '');
    if (u === t || u === '') return t;
    t = u;
  }
}

function rows(tsv: string): Array<Record<string, string>> {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = lines.shift()!.split('\t');
  return lines.map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

/** Compile the three files of data/laws/ (their texts) into what dist/laws.json holds. */
export function compileLaws(files: { laws: string; repealed: string; documents: string }): CompiledLaws {
  const repealed: RepealedLaw[] = rows(files.repealed).map((r) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.repealed!)) throw new Error(`repealed.tsv: ${r.name}: bad date ${r.repealed}`);
    if (!r.source) throw new Error(`repealed.tsv: ${r.name}: no source`);
    return { name: titleKey(r.name!), date: r.repealed!, by: r.replaced_by! };
  });
  const gone = new Set(repealed.map((r) => r.name));
  const documents: DatedDocument[] = rows(files.documents).map((r) => {
    if (!r.source) throw new Error(`documents.tsv: ${r.title}: no source`);
    const m = /^(\d{4})—(\d{4})年$/.exec(r.span ?? '');
    if (r.span && !m) throw new Error(`documents.tsv: ${r.title}: bad span ${r.span}`);
    const miswritings = r.miswritings ? r.miswritings.split('|') : [];
    for (const text of m ? [r.title!, ...miswritings] : miswritings) {
      if (!DOCUMENT_HINT.test(text)) throw new Error(`documents.tsv: ${text}: not matched by DOCUMENT_HINT (src/document/laws.ts)`);
    }
    return { title: r.title!, span: m ? [Number(m[1]), Number(m[2])] : null, miswritings };
  });
  const titles = new Set<string>();
  for (const r of rows(files.laws)) {
    const key = titleKey(r.name!);
    if (key.length >= 2 && !gone.has(key)) titles.add(key);
  }
  for (const d of documents) titles.add(titleKey(d.title));
  return { titles: [...titles].sort(), repealed, documents };
}

/** where the build writes the compiled data */
export const COMPILED_PATH = 'dist/laws.json';

/** The files of data/laws/, read. */
export function readLawFiles(): { laws: string; repealed: string; documents: string } {
  const read = (name: string) => readFileSync(packageFile(`data/laws/${name}`), 'utf8');
  return { laws: read('laws.tsv'), repealed: read('repealed.tsv'), documents: read('documents.tsv') };
}

export interface Laws {
  /** titles in force, by key */
  titles: ReadonlySet<string>;
  /** the same, by length of key: the candidates of a near match */
  byLength: ReadonlyMap<number, readonly string[]>;
  repealed: ReadonlyMap<string, RepealedLaw>;
  documents: readonly DatedDocument[];
}

let laws: Laws | null = null;

/** The data, read (or compiled) on first use and kept for the process. */
export function loadLaws(): Laws {
  if (laws) return laws;
  const compiled = existsSync(packageFile(COMPILED_PATH))
    ? (JSON.parse(readFileSync(packageFile(COMPILED_PATH), 'utf8')) as CompiledLaws)
    : compileLaws(readLawFiles());
  const byLength = new Map<number, string[]>();
  for (const t of compiled.titles) {
    const list = byLength.get(t.length) ?? [];
    list.push(t);
    byLength.set(t.length, list);
  }
  laws = {
    titles: new Set(compiled.titles),
    byLength,
    repealed: new Map(compiled.repealed.map((r) => [r.name, r])),
    documents: compiled.documents,
  };
  return laws;
}
