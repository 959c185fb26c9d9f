// Writes dist/dictionary-index.bin: where the words starting with each character are in jieba's
// dict.txt (node_modules/@node-rs/jieba), so that a run reads only the lines it needs
// (src/document/dictionary.ts). Run by `npm run build` after tsc.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildIndex, dictionaryPath, indexPath } from '../dist/document/dictionary.js';

const index = buildIndex(readFileSync(dictionaryPath()));
writeFileSync(indexPath(), new Uint8Array(index.buffer, index.byteOffset, index.byteLength));
console.log(`indexed jieba's dictionary: ${index[2]} first characters, ${index.byteLength} bytes`);
