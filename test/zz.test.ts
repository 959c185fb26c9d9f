import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { readDocxBytes } from '../src/input/docx.js';
import { acceptAll, part, withPart, wellFormedProblem } from './annotate-check.js';
it('x', async () => {
  for (const n of ['000_123d78033956bda4', '003_fdb2e5dd79f7ab48']) {
    const copy = readFileSync(`/tmp/annot/seeds/${n}.reportlint.docx`);
    const xml = await part(copy, 'word/document.xml');
    console.log(n, wellFormedProblem(xml));
    const acc = await readDocxBytes(await withPart(copy, 'word/document.xml', acceptAll(xml)), 'a.docx');
    const orig = await readDocxBytes(readFileSync(`/tmp/annot/seeds/${n}.docx`), 'a.docx');
    require('fs').writeFileSync(`/tmp/annot/seeds/${n}.accepted.txt`, acc.text);
    require('fs').writeFileSync(`/tmp/annot/seeds/${n}.orig.txt`, orig.text);
  }
});
