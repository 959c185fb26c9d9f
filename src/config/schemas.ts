import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Validate } from '../schema.js';
import type { Rule } from '../rule.js';
import { packageFile } from '../paths.js';

export type { Validate };

export interface Validators {
  config: Validate;
  pack: Validate;
  rules: Record<string, Validate>;
}

export const CONFIG_SCHEMA_URL = packageFile('schemas/config.schema.json');

export function readConfigSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(CONFIG_SCHEMA_URL, 'utf8')) as Record<string, unknown>;
}

export function readPackSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(packageFile('schemas/rule-pack.schema.json'), 'utf8')) as Record<string, unknown>;
}

export function ruleSchemaId(ruleId: string): string {
  return `rule:${ruleId}`;
}

/**
 * The ajv instance that knows every schema. The build compiles it to standalone code
 * (scripts/compile-schemas.mjs), so a run loads ready validators instead of compiling;
 * the same function compiles them at run time when no build output exists (tests on src/).
 */
export function createAjv(rules: readonly Rule[], forStandaloneCode: boolean) {
  // required, not imported: src/config/validators.ts loads validators synchronously
  const { default: Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const ajv = new Ajv({
    allErrors: true,
    strictTuples: false,
    allowUnionTypes: true,
    useDefaults: false,
    code: forStandaloneCode ? { source: true } : {},
  });
  ajv.addSchema(readConfigSchema(), 'config');
  ajv.addSchema(readPackSchema(), 'pack');
  for (const rule of rules) ajv.addSchema({ ...rule.meta.schema, $id: ruleSchemaId(rule.meta.id) });
  return ajv;
}
