/**
 * Reading a draft from disk: detect its encoding (UTF-8, UTF-8 with BOM,
 * GB18030/GBK, UTF-16 with BOM), refuse binary files with a message a person
 * can act on, and report the line-ending style. The text is never normalised,
 * so offsets into it match the file (after the BOM).
 *
 * `encodeText` is the inverse, for `--fix` writing a file back in the encoding
 * it came in.
 *
 * This runs on every file in a pre-commit hook, so it is one pass over the
 * bytes in the common case and has no dependencies.
 */

import { isUtf8, transcode } from 'node:buffer';
import { readFileSync } from 'node:fs';
// Imported rather than global: with lib ES2023 and no DOM, the global has no type.
import { TextDecoder } from 'node:util';

import { InputError } from '../errors.js';
import { inputKindOf } from './kind.js';

export { InputError };

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type LineEnding = '\n' | '\r\n' | '\r' | 'mixed' | 'none';

export interface SourceFile {
  path: string;
  text: string;
  encoding: Encoding;
  lineEnding: LineEnding;
}

// --- messages -----------------------------------------------------------

/** Control characters in a path would break the one-line message. */
function showPath(path: string): string {
  return path.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function inputError(path: string, zh: string, en: string): InputError {
  return new InputError(`${zh}: ${showPath(path)} / ${en}`, path);
}

function notTextError(path: string, what: string, en: string): InputError {
  return inputError(path, `不是纯文本文件（${what}）`, en);
}

function undecodableError(path: string): InputError {
  return inputError(
    path,
    '无法识别文件编码（不是文本文件，或编码未知；请存为 UTF-8）',
    'not a text file or unknown encoding (expected UTF-8 or GB18030/GBK)',
  );
}

// --- decoding -------------------------------------------------------------

// Decoders are reusable: decode() without {stream: true} resets their state.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
let gb18030: TextDecoder | null | undefined;

/**
 * Strict UTF-8 decoding (throws on invalid bytes, as the fatal decoder): validated with isUtf8,
 * then converted to UTF-16 by ICU's transcode and read as such. On Node 20 that is ~5× faster
 * than the fatal TextDecoder (bench/out/many-md's 1,000 reports 99 → 17 ms, big/10mb.md
 * 162 → 42–66 ms); a Node built without ICU has no transcode and gets the decoder.
 */
function decodeUtf8(bytes: Uint8Array): string {
  if (!isUtf8(bytes)) throw new TypeError('not UTF-8');
  try {
    return transcode(bytes, 'utf8', 'ucs2').toString('ucs2');
  } catch {
    return utf8.decode(bytes);
  }
}

/** Created lazily: most files are UTF-8, and a Node built without ICU lacks it. */
function gbDecoder(): TextDecoder | null {
  if (gb18030 === undefined) {
    try {
      gb18030 = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });
    } catch {
      gb18030 = null;
    }
  }
  return gb18030;
}

function startsWith(buf: Uint8Array, sig: readonly number[]): boolean {
  if (buf.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (buf[i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const PDF = ascii('%PDF-');
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');

/**
 * Recognise common non-text files by their magic bytes, so the user is told
 * "this is a Word document" rather than "unknown encoding".
 */
function binarySignature(buf: Uint8Array, path: string): InputError | undefined {
  if (startsWith(buf, PDF)) {
    return notTextError(path, 'PDF 文档，请复制正文另存为 .txt 或 .md', 'this is a PDF file; save the text as .txt or .md');
  }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    if (inputKindOf(path) === 'docx') {
      return notTextError(
        path,
        'Word 文档 .docx，请另存为 .txt 或 .md',
        'this is a Word (.docx) document, not plain text; save it as .txt or .md',
      );
    }
    return notTextError(
      path,
      'ZIP 压缩包或 Office 文档',
      'this is a ZIP archive or an Office document (.docx/.xlsx/…), not plain text',
    );
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return notTextError(
      path,
      '旧版 Word/WPS 文档 .doc/.wps，请另存为 .docx 或 .txt',
      'this is an old Word/WPS document (.doc/.wps); save it as .docx or .txt',
    );
  }
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return notTextError(path, 'PNG 图片', 'this is a PNG image');
  }
  if (startsWith(buf, [0xff, 0xd8, 0xff])) {
    return notTextError(path, 'JPEG 图片', 'this is a JPEG image');
  }
  if (startsWith(buf, GIF87) || startsWith(buf, GIF89)) {
    return notTextError(path, 'GIF 图片', 'this is a GIF image');
  }
  if (startsWith(buf, [0x7f, 0x45, 0x4c, 0x46])) {
    return notTextError(path, '可执行程序', 'this is an executable (ELF) file');
  }
  return undefined;
}

/**
 * Is this plausibly Chinese text decoded from GB18030? Strict decoding alone
 * is not enough: Latin-1 or Big5 bytes often form valid GBK pairs too. So we
 * require that (a) the large majority of non-ASCII characters are Chinese
 * characters or the punctuation/symbols used with them, and (b) most
 * multi-byte sequences lie in the GB2312 double-byte area (A1–FE × A1–FE),
 * where nearly every character of a real report is. Latin-1 "é" followed by
 * an ASCII letter decodes to a rare ideograph outside that area.
 */
function looksLikeChinese(buf: Uint8Array, text: string): boolean {
  let multi = 0;
  let gb2312 = 0;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
    } else if (i + 1 < buf.length && buf[i + 1]! >= 0x30 && buf[i + 1]! <= 0x39) {
      multi++; // four-byte sequence (already validated by the strict decoder)
      i += 4;
    } else {
      multi++;
      if (b >= 0xa1 && buf[i + 1]! >= 0xa1) gb2312++;
      i += 2;
    }
  }
  if (multi === 0 || gb2312 * 2 < multi) return false;

  let nonAscii = 0;
  let chinese = 0;
  // Code units, not code points: faster, and a surrogate pair counts once
  // via its high half (D840–D8FF covers U+20000–U+3FFFF, Extensions B…).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // Control characters other than tab/LF/FF/CR mean binary, not text.
      if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return false;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low half of a pair
    if (c === 0xfffd) return false;
    nonAscii++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs
      (c >= 0x3400 && c <= 0x4dbf) || // Extension A
      (c >= 0xd840 && c <= 0xd8ff) || // Extensions B… (GB18030 four-byte)
      (c >= 0xf900 && c <= 0xfaff) || // Compatibility Ideographs
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation: 、。〈〉《》「」【】〔〕
      (c >= 0xff00 && c <= 0xffef) || // full-width forms: ，；：！？（）
      (c >= 0x2000 && c <= 0x206f) || // “”‘’—…‰
      (c >= 0x2150 && c <= 0x218f) || // Ⅰ Ⅱ Ⅲ
      (c >= 0x2460 && c <= 0x24ff) || // ① ⑴ ⒈
      (c >= 0x3200 && c <= 0x33ff) || // ㈠ ㎡
      (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility forms
      c === 0x00b7 || // ·
      c === 0x00d7 || // ×
      c === 0x00f7 || // ÷
      c === 0x00b0 || // °
      c === 0x2103 // ℃
    ) {
      chinese++;
    }
  }
  return chinese >= nonAscii * 0.8;
}

/**
 * Decode the bytes of a file. Throws InputError for binary files and for
 * bytes that are neither UTF-8 nor plausible GB18030.
 */
export function decodeBuffer(buf: Uint8Array, path: string): SourceFile {
  const done = (text: string, encoding: Encoding): SourceFile => ({
    path,
    text,
    encoding,
    lineEnding: detectLineEnding(text),
  });

  // Byte-order marks decide; UTF-16 is only ever recognised this way.
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    try {
      return done(decodeUtf8(buf.subarray(3)), 'utf-8-bom');
    } catch {
      throw inputError(path, '文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8', 'UTF-8 BOM but invalid UTF-8 content');
    }
  }
  const le = startsWith(buf, [0xff, 0xfe]);
  if (le || startsWith(buf, [0xfe, 0xff])) {
    const body = buf.subarray(2);
    try {
      // Swapping bytes avoids depending on ICU for 'utf-16be'.
      const text = utf16le.decode(le ? body : swap16(body));
      return done(text, le ? 'utf-16le' : 'utf-16be');
    } catch {
      throw inputError(path, 'UTF-16 文件内容损坏', 'invalid UTF-16 content after the byte-order mark');
    }
  }

  const signature = binarySignature(buf, path);
  if (signature) throw signature;
  // a NUL anywhere, not only near the start: UTF-8 would decode it as text
  if (buf.indexOf(0) !== -1) {
    const order = utf16WithoutBom(buf);
    if (order) throw utf16Error(path, order);
    throw notTextError(path, '含二进制数据', 'binary file (contains NUL bytes)');
  }

  try {
    return done(decodeUtf8(buf), 'utf-8');
  } catch {
    // not UTF-8: fall through to GB18030
  }
  const gb = gbDecoder();
  if (gb) {
    let text: string | undefined;
    try {
      text = gb.decode(buf);
    } catch {
      // not GB18030 either
    }
    if (text !== undefined && looksLikeChinese(buf, text)) return done(text, 'gb18030');
  }
  const order = utf16WithoutBom(buf);
  if (order) throw utf16Error(path, order);
  throw undecodableError(path);
}

function utf16Error(path: string, order: 'le' | 'be'): InputError {
  const name = order === 'le' ? 'UTF-16LE' : 'UTF-16BE';
  return inputError(path, `${name} 编码且没有 BOM，请另存为 UTF-8`, `${name} without BOM: save as UTF-8`);
}

/** How much of a file utf16WithoutBom looks at. */
const UTF16_SAMPLE = 64 * 1024;

/**
 * Whether bytes without a byte-order mark are UTF-16 text, and in which byte order. Not read as
 * such (the byte order is a guess, and --fix could not write the file back the way it came): the
 * user is told to save it as UTF-8. Asked only of bytes that are not UTF-8 text (NUL bytes, or
 * not decodable), so ASCII pairs that happen to read as ideographs are never at issue.
 *
 * Evidence: zero bytes (the high byte of ASCII, U+4E00 一 …) with no U+0000 unit, and in one
 * byte order at least 95% of the units of the first 64 KiB are text: ASCII letters, digits and
 * white space, Latin, CJK ideographs and punctuation, full-width forms, surrogate pairs. When
 * both orders read as text (ASCII does), the side the zero bytes are on decides.
 */
export function utf16WithoutBom(buf: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(buf.length, UTF16_SAMPLE) & ~1;
  if (n < 16) return null; // too few units to tell text from chance
  let zerosEven = 0;
  let zerosOdd = 0;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 2) {
    const a = buf[i]!;
    const b = buf[i + 1]!;
    if (a === 0 && b === 0) return null; // U+0000 in either order: binary
    if (a === 0) zerosEven++;
    if (b === 0) zerosOdd++;
    if (isTextUnit(a | (b << 8))) le++;
    if (isTextUnit((a << 8) | b)) be++;
  }
  if (zerosEven + zerosOdd === 0) return null;
  const units = n / 2;
  const leText = le >= units * 0.95;
  const beText = be >= units * 0.95;
  // ASCII reads as ideographs the other way round (a\0 → U+6100): then the zero bytes decide,
  // as the high bytes of ASCII (odd positions in little-endian)
  // (and must be many: a stray NUL in ASCII text is not UTF-16)
  if (leText && beText) {
    if (Math.max(zerosOdd, zerosEven) < units / 8) return null;
    return zerosOdd >= zerosEven ? 'le' : 'be';
  }
  return leText ? 'le' : beText ? 'be' : null;
}

function isTextUnit(c: number): boolean {
  return (
    c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d
    || (c >= 0x20 && c <= 0x7e)
    || (c >= 0xa0 && c <= 0x24f) // Latin-1, Latin Extended
    || (c >= 0x2000 && c <= 0x206f) // “”‘’—…‰
    || (c >= 0x2150 && c <= 0x218f) // Ⅰ Ⅱ Ⅲ
    || (c >= 0x2460 && c <= 0x24ff) // ① ⑴ ⒈
    || (c >= 0x2e80 && c <= 0x2fdf) // radicals
    || (c >= 0x3000 && c <= 0x33ff) // CJK punctuation, kana, ㈠ ㎡
    || (c >= 0x3400 && c <= 0x4dbf) // Extension A
    || (c >= 0x4e00 && c <= 0x9fff) // CJK Unified Ideographs
    || (c >= 0xd800 && c <= 0xdfff) // surrogates (Extensions B…)
    || (c >= 0xf900 && c <= 0xfaff) // Compatibility Ideographs
    || (c >= 0xfe30 && c <= 0xfe4f) // CJK compatibility forms
    || (c >= 0xff00 && c <= 0xffef) // full-width forms
  );
}

/** Copy with each pair of bytes swapped (UTF-16BE ⇄ UTF-16LE). */
function swap16(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  const even = bytes.length & ~1;
  for (let i = 0; i < even; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  // An odd trailing byte is kept so that the strict decoder rejects it.
  if (even < bytes.length) out[even] = bytes[even]!;
  return out;
}

export function detectLineEnding(text: string): LineEnding {
  // the common case, without a look at every character
  if (!text.includes('\r')) return text.includes('\n') ? '\n' : 'none';
  let found: LineEnding = 'none';
  for (let i = text.search(/[\r\n]/); i !== -1 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: LineEnding;
    if (c === 0x0a) kind = '\n';
    else if (c !== 0x0d) continue;
    else if (text.charCodeAt(i + 1) === 0x0a) {
      kind = '\r\n';
      i++;
    } else kind = '\r';
    if (found === 'none') found = kind;
    else if (found !== kind) return 'mixed';
  }
  return found;
}

// --- reading --------------------------------------------------------------

/** Read and decode a file. Every failure is an InputError with a one-line message. */
export function readSourceFile(path: string): SourceFile {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    throw fsError(err, path);
  }
  return decodeBuffer(buf, path);
}

function fsError(err: unknown, path: string): InputError {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return inputError(path, '无法读取文件（不存在）', 'file not found');
    case 'EISDIR':
      return inputError(path, '无法读取文件（这是目录，不是文件）', 'is a directory, not a file');
    case 'EACCES':
    case 'EPERM':
      return inputError(path, '无法读取文件（没有读取权限）', 'permission denied');
    case 'ENOTDIR':
      return inputError(path, '无法读取文件（路径中有一段不是目录）', 'a component of the path is not a directory');
    case 'ERR_FS_FILE_TOO_LARGE':
      return inputError(path, '无法读取文件（文件过大）', 'file too large');
    default: {
      const detail = typeof code === 'string' ? code : 'I/O error';
      return inputError(path, `无法读取文件（${detail}）`, `cannot read file (${detail})`);
    }
  }
}

// --- encoding -------------------------------------------------------------

const LONE_SURROGATE = /[\ud800-\udfff]/u; // with /u, paired surrogates are one code point and do not match

/**
 * Encode text for writing back; the inverse of decodeBuffer. BOMs are
 * restored for 'utf-8-bom' and the UTF-16 encodings. Throws InputError if
 * the text cannot be represented (a lone surrogate, or a character GB18030
 * has no code for); `path` only serves the message.
 */
export function encodeText(text: string, encoding: Encoding, path = ''): Buffer {
  const m = LONE_SURROGATE.exec(text);
  if (m) throw unencodableError(path, encoding, m.index, text.charCodeAt(m.index));
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'gb18030':
      return encodeGb18030(text, path);
  }
}

function unencodableError(path: string, encoding: Encoding, index: number, code: number): InputError {
  const u = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return inputError(
    path,
    `无法以 ${encoding} 编码写回（第 ${index + 1} 个字符 ${u} 无法表示）`,
    `cannot write back as ${encoding}: character ${u} at index ${index} cannot be encoded`,
  );
}

/*
 * GB18030 encoding. Node can decode GB18030 but not encode it, so the reverse
 * table is built (once, lazily, ~15 ms) by decoding every two-byte code and
 * every four-byte code of the BMP with the very decoder used for reading.
 * That keeps encode(decode(x)) exact whatever mapping revision (2005/2022)
 * the bundled ICU implements. Code points above the BMP are arithmetic.
 *
 * Table value per BMP code unit: 0 = no code; < 0x10000 = two-byte code
 * (lead << 8 | trail); otherwise 0x10000 + four-byte linear index.
 */
let gbTable: Int32Array | undefined;

const GB4_BMP_COUNT = 39420; // four-byte indices 0..39419 cover the rest of the BMP
const GB4_SUPPLEMENTARY_BASE = 189000; // linear index of U+10000 (bytes 90 30 81 30)

function gb4Bytes(index: number, out: Uint8Array, at: number): void {
  out[at] = 0x81 + Math.floor(index / 12600);
  out[at + 1] = 0x30 + (Math.floor(index / 1260) % 10);
  out[at + 2] = 0x81 + (Math.floor(index / 10) % 126);
  out[at + 3] = 0x30 + (index % 10);
}

function buildGbTable(): Int32Array {
  const decoder = new TextDecoder('gb18030'); // non-fatal: invalid codes become U+FFFD
  const table = new Int32Array(0x10000);

  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push((lead << 8) | trail);
  }
  const two = new Uint8Array(codes.length * 2);
  codes.forEach((c, i) => {
    two[2 * i] = c >> 8;
    two[2 * i + 1] = c & 0xff;
  });
  const twoText = decoder.decode(two);
  // Every two-byte code is expected to decode to exactly one BMP character;
  // if a future decoder disagrees, decode one at a time to stay aligned.
  const charOf =
    twoText.length === codes.length
      ? (i: number) => twoText.charCodeAt(i)
      : (i: number) => {
          const s = decoder.decode(two.subarray(2 * i, 2 * i + 2));
          return s.length === 1 ? s.charCodeAt(0) : 0xfffd;
        };
  for (let i = 0; i < codes.length; i++) {
    const u = charOf(i);
    // First code wins: a few characters have two codes since GB18030-2022
    // (e.g. U+3000 is A1A1 and A3A0); the earlier two-byte one is canonical.
    if (u !== 0xfffd && table[u] === 0) table[u] = codes[i]!;
  }

  const four = new Uint8Array(GB4_BMP_COUNT * 4);
  for (let i = 0; i < GB4_BMP_COUNT; i++) gb4Bytes(i, four, 4 * i);
  const fourText = decoder.decode(four);
  if (fourText.length === GB4_BMP_COUNT) {
    // U+FFFD itself has a four-byte code, so it is not skipped here.
    for (let i = 0; i < GB4_BMP_COUNT; i++) {
      const u = fourText.charCodeAt(i);
      if (table[u] === 0) table[u] = 0x10000 + i;
    }
  } else {
    for (let i = 0; i < GB4_BMP_COUNT; i++) {
      const s = decoder.decode(four.subarray(4 * i, 4 * i + 4));
      if (s.length === 1 && table[s.charCodeAt(0)] === 0) table[s.charCodeAt(0)] = 0x10000 + i;
    }
  }
  return table;
}

function encodeGb18030(text: string, path: string): Buffer {
  if (!gbDecoder()) {
    throw inputError(path, '此 Node 不支持 GB18030（缺少 ICU）', 'this Node.js build has no GB18030 support (no ICU)');
  }
  const table = (gbTable ??= buildGbTable());
  const out = Buffer.allocUnsafe(text.length * 4); // ≤ 4 bytes per UTF-16 code unit
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      // Surrogates are known to be paired (checked in encodeText).
      const cp = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      gb4Bytes(GB4_SUPPLEMENTARY_BASE + cp - 0x10000, out, n);
      n += 4;
      continue;
    }
    const v = table[c]!;
    if (v === 0) throw unencodableError(path, 'gb18030', i, c);
    if (v < 0x10000) {
      out[n++] = v >> 8;
      out[n++] = v & 0xff;
    } else {
      gb4Bytes(v - 0x10000, out, n);
      n += 4;
    }
  }
  return out.subarray(0, n);
}
