// Compile every JSON Schema (config + each rule's options) to standalone validator code in
// dist/generated/, so that a run never loads ajv's compiler: start-up is part of the product.
import { mkdirSync, writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createAjv, ruleSchemaId } from '../dist/config/schemas.js';
import { allRules } from '../dist/rules/index.js';

const ajv = await createAjv(allRules, true);
const exports = { config: 'config', pack: 'pack' };
const table = [];
allRules.forEach((rule, i) => {
  exports[`rule${i}`] = ruleSchemaId(rule.meta.id);
  table.push(`  ${JSON.stringify(rule.meta.id)}: rule${i},`);
});
let code = standaloneCode.default(ajv, exports);
// ajv's standalone code requires its small runtime helpers (ucs2length, equal) CommonJS-style;
// turn those into imports so the module stays ESM
const imports = [];
code = code.replace(/require\("([^"]+)"\)/g, (_, mod) => {
  const name = `runtime${imports.length}`;
  imports.push(`import ${name} from ${JSON.stringify(`${mod}.js`)};`);
  return name;
});
code = imports.join('\n') + '\n' + code;
code += `\nexport const ruleValidators = {\n${table.join('\n')}\n};\n`;
const out = new URL('../dist/generated/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('validators.js', out), code);
console.log(`compiled ${allRules.length + 2} schemas to dist/generated/validators.js`);
