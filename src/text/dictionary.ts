/**
 * Word segmentation over jieba's dictionary (349,045 words with frequencies and parts of speech,
 * the dict.txt that the @node-rs/jieba package ships, MIT), without jieba's native module.
 *
 * Loading jieba itself costs far more than a pre-commit hook may spend: requiring the native
 * module, reading the 5 MB dictionary and building its prefix trie took 0.3–0.7 s on the
 * development machine, on every run that has one candidate to check. Yet the rules that segment
 * (repeated-word) need only the words of a few short windows. dict.txt is sorted by byte order,
 * so a word is found by binary search in the file itself, reading the 4 KB blocks a search
 * touches (a few hundred for a whole report, shared between searches) instead of the file.
 *
 * segment() is jieba's cut without HMM: the directed acyclic graph of every dictionary word in
 * the window, and the route of highest probability through it (the product of the words'
 * relative frequencies; a character the dictionary lacks counts as frequency 1).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface Entry {
  freq: number;
  /** part of speech, jieba's tag set: n, v, vn, a, d, p, c, uj, ul, m, q … */
  tag: string;
}

const BLOCK = 4096;
/** the sum of dict.txt's frequencies (jieba's total, with which probabilities are taken) */
const TOTAL = 60101964;
const LOG_TOTAL = Math.log(TOTAL);
/** no word of dict.txt is longer than this (the longest has 16 characters) */
const MAX_WORD = 20;

class SortedFile {
  private readonly fd: number;
  readonly size: number;
  private readonly blocks = new Map<number, Buffer>();

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }

  close(): void {
    closeSync(this.fd);
  }

  private block(n: number): Buffer {
    let b = this.blocks.get(n);
    if (!b) {
      b = Buffer.allocUnsafe(BLOCK);
      const read = readSync(this.fd, b, 0, BLOCK, n * BLOCK);
      if (read < BLOCK) b = b.subarray(0, read);
      this.blocks.set(n, b);
    }
    return b;
  }

  byte(i: number): number {
    return this.block(Math.floor(i / BLOCK))[i % BLOCK]!;
  }

  /** the start of the line holding byte i */
  lineStart(i: number): number {
    while (i > 0 && this.byte(i - 1) !== 0x0a) i--;
    return i;
  }

  /** the start of the line after the one starting at i (or the size) */
  nextLine(i: number): number {
    while (i < this.size && this.byte(i) !== 0x0a) i++;
    return Math.min(this.size, i + 1);
  }

  /** the line's first field (up to the space) compared with key, by bytes */
  compare(line: number, key: Uint8Array): number {
    for (let k = 0; ; k++) {
      const c = line + k < this.size ? this.byte(line + k) : 0x0a;
      const end = c === 0x20 || c === 0x0a;
      if (k === key.length) return end ? 0 : 1;
      if (end) return -1;
      if (c !== key[k]) return c - key[k]!;
    }
  }

  /** whether the line's first field starts with key */
  startsWith(line: number, key: Uint8Array): boolean {
    if (line >= this.size) return false;
    for (let k = 0; k < key.length; k++) if (line + k >= this.size || this.byte(line + k) !== key[k]) return false;
    return true;
  }

  /** the first line whose first field is >= key */
  lowerBound(key: Uint8Array): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const line = this.lineStart((lo + hi) >>> 1);
      if (this.compare(line, key) < 0) lo = this.nextLine(line);
      else hi = line;
    }
    return lo;
  }

  /** the text of the line starting at i, without its end */
  line(i: number): string {
    const end = this.nextLine(i);
    const bytes: number[] = [];
    for (let k = i; k < end; k++) bytes.push(this.byte(k));
    return Buffer.from(bytes).toString('utf8').trimEnd();
  }
}

interface Lookup {
  entry: Entry | null;
  /** whether some word of the dictionary is longer than this and starts with it */
  longer: boolean;
}

let file: SortedFile | null = null;
const cache = new Map<string, Lookup>();

/** where dict.txt is: in the @node-rs/jieba package */
export function dictionaryPath(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
}

function find(word: string): Lookup {
  let found = cache.get(word);
  if (found) return found;
  file ??= new SortedFile(dictionaryPath());
  const key = Buffer.from(word, 'utf8');
  let line = file.lowerBound(key);
  let entry: Entry | null = null;
  if (line < file.size && file.compare(line, key) === 0) {
    const [, freq, tag] = file.line(line).split(' ');
    entry = { freq: Number(freq) || 0, tag: tag ?? '' };
    line = file.nextLine(line);
  }
  found = { entry, longer: file.startsWith(line, key) };
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
  file?.close();
  file = null;
  cache.clear();
}
