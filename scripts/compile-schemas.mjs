// Compile every JSON Schema (config + each rule's options) to standalone validator code in
// dist/generated/, so that a run never loads ajv's compiler: start-up is part of the product.
// The code is CommonJS (ajv's standalone output as it comes) so that src/config/validators.ts can
// load it synchronously, on the first validation a run actually does: a run without a config
// file validates nothing (the built-in packs are validated here, see below) and never loads it.
// Then the built-in packs (rules/*.json) are validated and their texts written to
// dist/generated/builtin-packs.json with their patterns' required literals: a run that finds
// the same text skips the schema and the literal analysis (src/packs/load.ts).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createAjv, ruleSchemaId } from '../dist/config/schemas.js';
import { allRules } from '../dist/rules/index.js';
import { builtinPackStamp } from '../dist/packs/load.js';

const ajv = createAjv(allRules, true);
// Two files: the config's validator (with each rule's options) is loaded by every run that has a
// config file, the pack schema's (over 200 kB of the 230 kB) only when a pack file is read; one
// file made a config run load and compile all of it (~10 ms of a cold run).
const configExports = { config: 'config' };
const table = [];
allRules.forEach((rule, i) => {
  configExports[`rule${i}`] = ruleSchemaId(rule.meta.id);
  table.push(`  ${JSON.stringify(rule.meta.id)}: exports.rule${i},`);
});
let code = standaloneCode.default(ajv, configExports);
code += `\nexports.ruleValidators = {\n${table.join('\n')}\n};\n`;
const out = new URL('../dist/generated/', import.meta.url);
mkdirSync(out, { recursive: true });
rmSync(new URL('validators.js', out), { force: true }); // the ESM form of earlier builds
writeFileSync(new URL('validators.cjs', out), code);
writeFileSync(new URL('pack-validator.cjs', out), standaloneCode.default(ajv, { pack: 'pack' }));
console.log(`compiled ${allRules.length + 2} schemas to dist/generated/validators.cjs and pack-validator.cjs`);

// the built-in packs: a schema error fails the build (as it would fail every run)
const validatePack = ajv.getSchema('pack');
const dir = new URL('../rules/', import.meta.url);
const stamps = {};
for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const text = readFileSync(new URL(f, dir), 'utf8');
  const stamp = builtinPackStamp(text, validatePack);
  if (typeof stamp === 'string') throw new Error(`rules/${f}: ${stamp}`);
  stamps[f] = stamp;
}
writeFileSync(new URL('builtin-packs.json', out), JSON.stringify(stamps));
console.log(`validated ${Object.keys(stamps).length} built-in packs into dist/generated/builtin-packs.json`);
