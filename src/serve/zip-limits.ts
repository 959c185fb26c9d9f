/**
 * A .docx is a zip: before any of it is inflated, its central directory says how large each
 * part claims to be. An upload whose parts add up to more than a draft could ever need (a zip
 * bomb), or that claims sizes a real deflate stream cannot have, is refused here, so the zip
 * reader never starts on it. The checks' deadline and the worker's memory limit (./pool.ts)
 * bound what a lying archive can still cost.
 */
import { DraftError } from './check-error.js';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
/** a zip's closing record is 22 bytes plus a comment of at most 65,535 */
const MAX_TAIL = 22 + 0xffff;
/** more parts than any Word document has */
const MAX_ENTRIES = 5000;

export function checkZipSizes(buf: Buffer, maxUnzippedBytes: number, shownName: string): void {
  const end = findEndRecord(buf);
  // no closing record: not a whole zip; the .docx reader says it is damaged
  if (end < 0) return;
  const entries = buf.readUInt16LE(end + 10);
  const directoryOffset = buf.readUInt32LE(end + 16);
  if (entries > MAX_ENTRIES || directoryOffset === 0xffffffff) throw tooLarge(shownName, maxUnzippedBytes);
  let at = directoryOffset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_FILE_HEADER) return; // damaged: the reader says so
    const compressed = buf.readUInt32LE(at + 20);
    const uncompressed = buf.readUInt32LE(at + 24);
    // 0xffffffff: sizes in a zip64 record; a Word draft never needs one
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) throw tooLarge(shownName, maxUnzippedBytes);
    // deflate never makes data more than a little larger: a part "smaller" than its stream lies about its size
    if (compressed > uncompressed + uncompressed / 100 + 1024) throw tooLarge(shownName, maxUnzippedBytes);
    total += uncompressed;
    if (total > maxUnzippedBytes) throw tooLarge(shownName, maxUnzippedBytes);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
}

function findEndRecord(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - MAX_TAIL); i--) {
    if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}

function tooLarge(name: string, max: number): DraftError {
  const mb = Math.round(max / 1024 / 1024);
  return new DraftError({
    zh: `${name}: Word 文档解压后过大（超过 ${mb} MB）或大小信息异常，不予读取`,
    en: `${name}: the Word document would unpack to more than ${mb} MB, or misstates its sizes; not read`,
  }, 413);
}
