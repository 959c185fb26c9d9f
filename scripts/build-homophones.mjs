// Writes dist/protected-name-homophones.json: for each character of the built-in protected names
// (data/protected-names.json), the characters of the same syllable, from pinyin-pro. A run of
// protected-name then reads this small table instead of loading pinyin-pro (a quarter of a second);
// it loads pinyin-pro only for the characters of an office's own `names`. Run by `npm run build`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildHomophones, homophonesPath } from '../dist/rules/protected-name.js';

const table = buildHomophones();
const json = JSON.stringify(table);
writeFileSync(fileURLToPath(homophonesPath()), json);
console.log(`same-sound characters of the protected names: ${Object.keys(table).length} characters, ${Buffer.byteLength(json)} bytes`);
