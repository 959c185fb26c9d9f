import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError, type Encoding, decodeBuffer, encodeText, readSourceFile, detectLineEnding } from '../src/input/read.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-read-'));
});
afterAll(() => {
  fs.chmodSync(dir, 0o700);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Write bytes to a fresh file in the temp dir and return its path. */
function file(name: string, bytes: Uint8Array | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

const hex = (h: string): Buffer => Buffer.from(h.replace(/\s+/g, ''), 'hex');
const gbDecode = (b: Uint8Array): string => new TextDecoder('gb18030', { fatal: true }).decode(b);

/** Run fn, expect an InputError, and check it is one line naming the path. */
function inputError(fn: () => unknown, p: string): InputError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(InputError);
  const e = caught as InputError;
  expect(e.name).toBe('InputError');
  expect(e.path).toBe(p);
  expect(e.message).not.toMatch(/[\r\n]/);
  if (!/[\u0000-\u001f]/.test(p)) expect(e.message).toContain(p);
  return e;
}

// "法治政府建设年度报告" in GBK/GB2312.
const GBK_TITLE = hex('B7A8 D6CE D5FE B8AE BDA8 C9E8 C4EA B6C8 B1A8 B8E6');
const TITLE = '法治政府建设年度报告';

describe('decodeBuffer: UTF-8', () => {
  it('reads plain UTF-8', () => {
    const text = '一、总体情况\n2023年，我市……\n';
    const f = decodeBuffer(Buffer.from(text, 'utf8'), 'a.md');
    expect(f).toEqual({ path: 'a.md', text, encoding: 'utf-8', lineEnding: '\n' });
  });

  it('strips a UTF-8 BOM and records it', () => {
    const f = decodeBuffer(Buffer.concat([hex('EFBBBF'), Buffer.from('标题\r\n', 'utf8')]), 'b.txt');
    expect(f.text).toBe('标题\r\n');
    expect(f.encoding).toBe('utf-8-bom');
    expect(f.lineEnding).toBe('\r\n');
  });

  it('keeps a second U+FEFF after the BOM (only one is stripped)', () => {
    const f = decodeBuffer(hex('EFBBBF EFBBBF 41'), 'c.txt');
    expect(f.text).toBe('\ufeffA');
  });

  it('pure ASCII is UTF-8', () => {
    expect(decodeBuffer(Buffer.from('hello'), 'x').encoding).toBe('utf-8');
  });

  it('invalid UTF-8 after a UTF-8 BOM is an error', () => {
    const e = inputError(() => decodeBuffer(hex('EFBBBF 41 FF FE 42'), 'bad.txt'), 'bad.txt');
    expect(e.message).toMatch(/UTF-8/);
  });

  it('takes as UTF-8 exactly what the strict TextDecoder takes, and reads it the same', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const cases = [
      '41 42 0A', // ASCII
      'C3A9 41', // é: Latin-1 range
      'E4B880 E38082 0A', // 一。
      'F0A0 80 80 E4B880', // U+20000 (a surrogate pair) and 一
      'EFBFBD', // U+FFFD itself
      'C0 80', // overlong NUL
      'E0 80 80', // overlong
      'ED A0 80', // an encoded surrogate
      'F4 90 80 80', // above U+10FFFF
      'E4 B8', // cut short
      '80', // a lone continuation byte
    ];
    for (const h of cases) {
      const bytes = hex(h);
      let expected: string | null = null;
      try {
        expected = strict.decode(bytes);
      } catch {
        // not UTF-8
      }
      let read: string | null = null;
      try {
        const f = decodeBuffer(bytes, 'x.txt');
        if (f.encoding === 'utf-8') read = f.text;
      } catch {
        // refused: nor is it GB18030 text
      }
      expect(read, h).toBe(expected);
    }
  });
});

describe('line endings', () => {
  const le = (s: string) => decodeBuffer(Buffer.from(s, 'utf8'), 'x').lineEnding;
  it('detects each kind and leaves the text alone', () => {
    expect(le('a\nb\n')).toBe('\n');
    expect(le('a\r\nb\r\n')).toBe('\r\n');
    expect(le('a\rb\r')).toBe('\r');
    expect(le('a\r\nb\nc')).toBe('mixed');
    expect(le('a\rb\nc')).toBe('mixed');
    expect(le('a\r\nb\rc')).toBe('mixed');
    expect(le('no break')).toBe('none');
    expect(le('')).toBe('none');
    expect(le('\r\n')).toBe('\r\n');
    expect(le('a\r')).toBe('\r');
    const text = '甲\r\n乙\r丙\n';
    expect(decodeBuffer(Buffer.from(text, 'utf8'), 'x').text).toBe(text);
  });

  it('is exported for use on edited text', () => {
    expect(detectLineEnding('x\r\ny')).toBe('\r\n');
  });
});

describe('decodeBuffer: GB18030 / GBK', () => {
  it('the GBK fixture bytes really are the title', () => {
    expect(gbDecode(GBK_TITLE)).toBe(TITLE);
  });

  it('decodes a GBK file', () => {
    const bytes = Buffer.concat([GBK_TITLE, Buffer.from('\r\n(2023)\r\n', 'ascii')]);
    const f = decodeBuffer(bytes, 'gbk.txt');
    expect(f.encoding).toBe('gb18030');
    expect(f.text).toBe(`${TITLE}\r\n(2023)\r\n`);
    expect(f.lineEnding).toBe('\r\n');
  });

  it('decodes GBK punctuation and symbols', () => {
    const text = '一、“依法行政”，《条例》（试行）；①②……——100㎡';
    const bytes = encodeText(text, 'gb18030');
    expect(gbDecode(bytes)).toBe(text);
    expect(decodeBuffer(bytes, 'p.txt')).toMatchObject({ text, encoding: 'gb18030' });
  });

  it('accepts GB18030 four-byte characters (rare name characters in Extension B)', () => {
    const text = '张𠀀同志，王㐀同志。';
    expect(decodeBuffer(encodeText(text, 'gb18030'), 'x')).toMatchObject({ text, encoding: 'gb18030' });
  });

  it('reads a GBK file from disk', () => {
    const p = file('gbk.md', GBK_TITLE);
    expect(readSourceFile(p)).toEqual({ path: p, text: TITLE, encoding: 'gb18030', lineEnding: 'none' });
  });
});

describe('encodeText', () => {
  it('round-trips GBK bytes exactly', () => {
    const bytes = Buffer.concat([GBK_TITLE, Buffer.from('\nabc 123\n'), GBK_TITLE]);
    const f = decodeBuffer(bytes, 'x');
    expect(encodeText(f.text, f.encoding).equals(bytes)).toBe(true);
  });

  it('writes GB18030 four-byte codes (BMP and supplementary)', () => {
    // U+0080 → 81 30 81 30, U+3400 㐀 → 81 39 EE 39, U+20000 𠀀 → 95 32 82 36, U+1F600 😀 → 94 39 FC 36
    const bytes = hex('81308130 8139EE39 95328236 9439FC36');
    const text = '\u0080\u3400\u{20000}\u{1F600}';
    expect(gbDecode(bytes)).toBe(text);
    expect(encodeText(text, 'gb18030').equals(bytes)).toBe(true);
  });

  it('uses the two-byte code where GB18030 has two (U+3000 → A1A1)', () => {
    expect(encodeText('\u3000', 'gb18030').toString('hex')).toBe('a1a1');
  });

  it('round-trips every encodable BMP character through GB18030', () => {
    let all = '';
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) all += String.fromCharCode(c);
    const unencodable: number[] = [];
    let ok = '';
    for (const ch of all) {
      try {
        encodeText(ch, 'gb18030');
        ok += ch;
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        unencodable.push(ch.charCodeAt(0));
      }
    }
    // Only a handful of private-use code points whose GB18030-2005 codes now
    // decode to standard characters (and U+E5E5) have no code.
    expect(unencodable.length).toBeLessThan(40);
    for (const c of unencodable) expect(c >= 0xe000 && c <= 0xf8ff).toBe(true);
    expect(gbDecode(encodeText(ok, 'gb18030'))).toBe(ok);
  });

  it('refuses what cannot be written, with a clear message', () => {
    const e = inputError(() => encodeText('abc\ud800', 'utf-8', 'out.txt'), 'out.txt');
    expect(e.message).toMatch(/U\+D800/);
    expect(() => encodeText('\udc00', 'gb18030')).toThrow(InputError);
  });

  it('restores BOMs and round-trips every encoding', () => {
    const text = '第一条\r\n依法行政😀\n';
    const cases: [Encoding, string][] = [
      ['utf-8', ''],
      ['utf-8-bom', 'efbbbf'],
      ['utf-16le', 'fffe'],
      ['utf-16be', 'feff'],
      ['gb18030', ''],
    ];
    for (const [encoding, bom] of cases) {
      const bytes = encodeText(text, encoding);
      expect(bytes.subarray(0, bom.length / 2).toString('hex')).toBe(bom);
      const f = decodeBuffer(bytes, 'x');
      expect(f.encoding).toBe(encoding);
      expect(f.text).toBe(text);
      expect(f.lineEnding).toBe('mixed');
    }
  });
});

describe('decodeBuffer: UTF-16', () => {
  it('reads UTF-16LE with a BOM', () => {
    const f = decodeBuffer(Buffer.concat([hex('FFFE'), Buffer.from('报告\nA', 'utf16le')]), 'u.txt');
    expect(f).toEqual({ path: 'u.txt', text: '报告\nA', encoding: 'utf-16le', lineEnding: '\n' });
  });

  it('reads UTF-16BE with a BOM', () => {
    const f = decodeBuffer(hex('FEFF 62A5 544A 000D 000A'), 'u.txt');
    expect(f.text).toBe('报告\r\n');
    expect(f.encoding).toBe('utf-16be');
  });

  it('rejects truncated UTF-16', () => {
    inputError(() => decodeBuffer(hex('FFFE 4100 42'), 'odd.txt'), 'odd.txt');
  });

  it('UTF-16 without a BOM is refused with one clear line (LE and BE)', () => {
    const le = inputError(() => decodeBuffer(Buffer.from('abc\ndefgh\n', 'utf16le'), 'nobom.txt'), 'nobom.txt');
    expect(le.message).toMatch(/UTF-16LE 编码且没有 BOM，请另存为 UTF-8.*UTF-16LE without BOM: save as UTF-8/);
    const be = inputError(() => decodeBuffer(Buffer.from('一、总体情况\n报告正文\n', 'utf16le').swap16(), 'nobom.txt'), 'nobom.txt');
    expect(be.message).toMatch(/UTF-16BE without BOM: save as UTF-8/);
  });
});

describe('binary files', () => {
  it('rejects NUL bytes', () => {
    const e = inputError(() => decodeBuffer(hex('41 42 00 43'), 'bin.dat'), 'bin.dat');
    expect(e.message).toMatch(/binary/);
  });

  it('recognises a PDF', () => {
    const e = inputError(() => decodeBuffer(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'), 'r.pdf'), 'r.pdf');
    expect(e.message).toMatch(/PDF/);
  });

  it('says a .docx is a Word document', () => {
    const p = file('报告.docx', hex('504B0304 14000600 0800'));
    const e = inputError(() => readSourceFile(p), p);
    expect(e.message).toMatch(/Word/);
    expect(e.message).toMatch(/\.docx/);
  });

  it('calls other ZIP files a ZIP archive', () => {
    const e = inputError(() => decodeBuffer(hex('504B0304 0A00'), 'a.zip'), 'a.zip');
    expect(e.message).toMatch(/ZIP/);
  });

  it('tells the user to re-save an old .doc/.wps', () => {
    const e = inputError(() => decodeBuffer(hex('D0CF11E0A1B11AE1 0000'), 'old.wps'), 'old.wps');
    expect(e.message).toMatch(/\.docx/);
    expect(e.message).toMatch(/\.txt/);
  });

  it('recognises images and executables', () => {
    expect(inputError(() => decodeBuffer(hex('89504E470D0A1A0A'), 'i.png'), 'i.png').message).toMatch(/PNG/);
    expect(inputError(() => decodeBuffer(hex('FFD8FFE0'), 'i.jpg'), 'i.jpg').message).toMatch(/JPEG/);
    expect(inputError(() => decodeBuffer(Buffer.from('GIF89a..'), 'i.gif'), 'i.gif').message).toMatch(/GIF/);
    expect(inputError(() => decodeBuffer(hex('7F454C46'), 'a.out'), 'a.out').message).toMatch(/ELF/);
  });
});

describe('undecodable text', () => {
  it('rejects Latin-1 text', () => {
    const e = inputError(() => decodeBuffer(Buffer.from('Café, résumé, señor!', 'latin1'), 'l1.txt'), 'l1.txt');
    expect(e.message).toMatch(/unknown encoding/);
  });

  it('rejects Latin-1 text that happens to be valid GB18030', () => {
    const bytes = Buffer.from('Détails naïve façade élève', 'latin1');
    expect(() => gbDecode(bytes)).not.toThrow(); // so the plausibility check is what rejects it
    inputError(() => decodeBuffer(bytes, 'l1.txt'), 'l1.txt');
  });

  it('rejects random high bytes', () => {
    let seed = 42;
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = 1 + ((seed >>> 16) % 255); // no NULs, so the encoding check decides
    }
    bytes[0] = 0x41; // not a BOM or signature
    inputError(() => decodeBuffer(bytes, 'rand.bin'), 'rand.bin');
  });
});

describe('readSourceFile', () => {
  it('reads a UTF-8 file', () => {
    const p = file('ok.md', '# 标题\n');
    expect(readSourceFile(p)).toEqual({ path: p, text: '# 标题\n', encoding: 'utf-8', lineEnding: '\n' });
  });

  it('reports a missing file', () => {
    const p = path.join(dir, 'nope.md');
    const e = inputError(() => readSourceFile(p), p);
    expect(e.message).toMatch(/不存在/);
    expect(e.message).toMatch(/not found/);
  });

  it('reports a directory', () => {
    const e = inputError(() => readSourceFile(dir), dir);
    expect(e.message).toMatch(/directory/);
  });

  it('reports a path through a file', () => {
    const p = path.join(file('plain.txt', 'x'), 'child.md');
    inputError(() => readSourceFile(p), p);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('reports permission denied', () => {
    const p = file('secret.md', 'x');
    fs.chmodSync(p, 0o000);
    const e = inputError(() => readSourceFile(p), p);
    expect(e.message).toMatch(/permission denied/);
  });

  it('returns empty text for an empty file or a lone BOM', () => {
    expect(readSourceFile(file('empty.md', ''))).toMatchObject({ text: '', encoding: 'utf-8', lineEnding: 'none' });
    expect(readSourceFile(file('bom.md', hex('EFBBBF')))).toMatchObject({ text: '', encoding: 'utf-8-bom' });
    expect(decodeBuffer(hex('FFFE'), 'x')).toMatchObject({ text: '', encoding: 'utf-16le' });
  });

  it('keeps the message on one line even for a path with a newline', () => {
    const p = path.join(dir, 'a\nb.md');
    const e = inputError(() => readSourceFile(p), p);
    expect(e.message).toContain('a\\x0ab.md');
  });
});
