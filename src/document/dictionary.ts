/**
 * Word segmentation over jieba's dictionary (349,045 words with frequencies and parts of speech,
 * the dict.txt that the @node-rs/jieba package ships, MIT), without jieba's native module.
 *
 * Loading jieba itself costs far more than a pre-commit hook may spend: requiring the native
 * module, reading the 5 MB dictionary and building its prefix trie took 0.3–0.7 s on the
 * development machine, on every run that has one candidate to check. Yet the rules that segment
 * (repeated-word) need only the words of a few short windows. So the build writes an index of
 * dict.txt (dist/dictionary-index.bin, 80 KB: where the words starting with each character are),
 * and a lookup reads only the lines of the characters it meets (about 800 bytes each, a few
 * dozen characters for a whole report).
 *
 * segment() is jieba's cut without HMM: the directed acyclic graph of every dictionary word in
 * the window, and the route of highest probability through it (the product of the words'
 * relative frequencies; a character the dictionary lacks counts as frequency 1).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../paths.js';

export interface Entry {
  freq: number;
  /** part of speech, jieba's tag set: n, v, vn, a, d, p, c, uj, ul, m, q … */
  tag: string;
}

/** the sum of dict.txt's frequencies (jieba's total, with which probabilities are taken) */
const TOTAL = 60101964;
const LOG_TOTAL = Math.log(TOTAL);
/** no word of dict.txt is longer than this (the longest has 16 characters) */
const MAX_WORD = 20;
/** the first four bytes of the index file ("JBA1") */
export const INDEX_MAGIC = 0x3141424a;

/**
 * Where the words starting with each character are in dict.txt: the index file as it is read
 * (see buildIndex), searched in place: copying its 11,772 entries out into arrays of their own
 * cost a cold run more (the loop runs before the JIT has compiled anything) than the searches.
 */
type Index = Uint32Array;

/** where dict.txt is: in the @node-rs/jieba package */
export function dictionaryPath(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
}

/** where the build writes the index of dict.txt (scripts/build-dictionary-index.mjs) */
export function indexPath(): string {
  return fileURLToPath(packageFile('dist/dictionary-index.bin'));
}

/**
 * The index of a dict.txt read whole, as the build writes it: [magic, size of dict.txt, count,
 * then code point, start, end for each first character].
 */
export function buildIndex(dict: Buffer): Uint32Array {
  const entries: number[][] = [];
  let start = 0;
  let code = -1;
  for (let i = 0; i < dict.length; ) {
    const lineEnd = dict.indexOf(0x0a, i);
    const next = lineEnd < 0 ? dict.length : lineEnd + 1;
    const c = dict.toString('utf8', i, Math.min(i + 4, next)).codePointAt(0)!;
    if (c !== code) {
      if (code >= 0) entries.push([code, start, i]);
      code = c;
      start = i;
    }
    i = next;
  }
  if (code >= 0) entries.push([code, start, dict.length]);
  entries.sort((x, y) => x[0]! - y[0]!);
  return Uint32Array.from([INDEX_MAGIC, dict.length, entries.length, ...entries.flat()]);
}

let fd: number | null = null;
let index: Index | null = null;
/** the lines of dict.txt for each first character met, as read */
const groups = new Map<number, Buffer | null>();
/** what find() answered, by word */
const cache = new Map<string, Lookup>();

function openDictionary(): Index {
  const path = dictionaryPath();
  fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  let data: Uint32Array | null = null;
  try {
    const bytes = readFileSync(indexPath());
    data = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
    if (data[0] !== INDEX_MAGIC || data[1] !== size) data = null;
  } catch {
    data = null;
  }
  // no index from the build (the tests run src/), or one for another dict.txt: make it here
  return data ?? buildIndex(readFileSync(path));
}

/** the lines of dict.txt whose words start with the character `code`, read on first use */
function group(code: number): Buffer | null {
  let g = groups.get(code);
  if (g !== undefined) return g;
  index ??= openDictionary();
  // entry k: code point at 3 + 3k, the start of its lines at 4 + 3k, their end at 5 + 3k
  const data = index;
  const count = data[2]!;
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (data[3 + 3 * mid]! < code) lo = mid + 1;
    else hi = mid;
  }
  g = null;
  if (lo < count && data[3 + 3 * lo] === code) {
    const start = data[4 + 3 * lo]!;
    const length = data[5 + 3 * lo]! - start;
    g = Buffer.alloc(length);
    readSync(fd!, g, 0, length, start);
  }
  groups.set(code, g);
  return g;
}

/** a line's first field (up to the space) compared with key, by bytes */
function compareLine(lines: Buffer, at: number, key: Buffer): number {
  for (let k = 0; ; k++) {
    const c = at + k < lines.length ? lines[at + k]! : 0x0a;
    const end = c === 0x20 || c === 0x0a;
    if (k === key.length) return end ? 0 : 1;
    if (end) return -1;
    if (c !== key[k]) return c - key[k]!;
  }
}

/** the start of the first line of `lines` whose first field is >= key (or lines.length) */
function lowerBound(lines: Buffer, key: Buffer): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    let line = (lo + hi) >>> 1;
    while (line > lo && lines[line - 1] !== 0x0a) line--;
    if (compareLine(lines, line, key) < 0) {
      const end = lines.indexOf(0x0a, line);
      lo = end < 0 ? lines.length : end + 1;
    } else hi = line;
  }
  return lo;
}

interface Lookup {
  entry: Entry | null;
  /** whether some word of the dictionary is longer than this and starts with it */
  longer: boolean;
}

function find(word: string): Lookup {
  let found = cache.get(word);
  if (found) return found;
  const lines = group(word.codePointAt(0)!);
  found = { entry: null, longer: false };
  if (lines) {
    const key = Buffer.from(word, 'utf8');
    let at = lowerBound(lines, key);
    if (at < lines.length && compareLine(lines, at, key) === 0) {
      const end = lines.indexOf(0x0a, at);
      const [, freq, tag] = lines.toString('utf8', at, end < 0 ? lines.length : end).trimEnd().split(' ');
      found.entry = { freq: Number(freq) || 0, tag: tag ?? '' };
      at = end < 0 ? lines.length : end + 1;
    }
    found.longer = at < lines.length && lines.subarray(at, at + key.length).equals(key);
  }
  cache.set(word, found);
  return found;
}

/** the dictionary's entry for a word, or null */
export function lookup(word: string): Entry | null {
  return find(word).entry;
}

/**
 * The words of `text` (best a run of Han characters) as jieba cuts it without HMM, as the
 * offsets where words start, ascending, followed by text.length.
 */
export function segment(text: string): number[] {
  const n = text.length;
  // ends[i]: the ends (exclusive) of the dictionary words starting at i, and their log weights
  const ends: Array<Array<[number, number]>> = [];
  for (let i = 0; i < n; i++) {
    const list: Array<[number, number]> = [];
    for (let j = i + 1; j <= n && j - i <= MAX_WORD; j++) {
      const { entry, longer } = find(text.slice(i, j));
      if (entry && entry.freq > 0) list.push([j, Math.log(entry.freq)]);
      if (!longer) break;
    }
    // a character that starts no word is a word of its own (frequency 1: log 0)
    if (!list.length) list.push([i + 1, 0]);
    ends.push(list);
  }
  // best[i]: the best log probability of text[i, n); next[i]: where the first word of it ends
  const best = new Float64Array(n + 1);
  const next = new Int32Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    let score = -Infinity;
    let end = i + 1;
    for (const [j, w] of ends[i]!) {
      const s = w - LOG_TOTAL + best[j]!;
      // ties go to the longer word, as in jieba
      if (s > score || (s === score && j > end)) {
        score = s;
        end = j;
      }
    }
    best[i] = score;
    next[i] = end;
  }
  const starts: number[] = [];
  for (let i = 0; i < n; i = next[i]!) starts.push(i);
  starts.push(n);
  return starts;
}

/** for tests and benchmarks: forget what was read */
export function resetDictionary(): void {
  if (fd !== null) closeSync(fd);
  fd = null;
  index = null;
  groups.clear();
  cache.clear();
}
