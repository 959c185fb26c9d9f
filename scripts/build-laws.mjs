// Writes dist/laws.json: the titles of data/laws/ (laws.tsv, repealed.tsv, documents.tsv), compiled once so that a run that cites a law reads one small JSON file
// (src/document/laws.ts). Run by `npm run build` after tsc.
import { writeFileSync } from 'node:fs';
import { COMPILED_PATH, compileLaws, readLawFiles } from '../dist/document/laws.js';
import { packagePath } from '../dist/paths.js';

const compiled = compileLaws(readLawFiles());
const json = JSON.stringify(compiled);
writeFileSync(packagePath(COMPILED_PATH), json);
console.log(`compiled data/laws: ${compiled.titles.length} titles, ${compiled.repealed.length} repealed, ${compiled.documents.length} documents, ${json.length} characters`);
