import type { Rule } from '../rule.js';
import type { Validate, Validators } from './schemas.js';
import { CODE_DIR } from '../paths.js';

let loaded: Promise<Validators> | null = null;

/** Validators compiled at build time, or compiled now when running from source. */
export function getValidators(rules: readonly Rule[]): Promise<Validators> {
  loaded ??= load(rules);
  return loaded;
}

async function load(rules: readonly Rule[]): Promise<Validators> {
  try {
    // written by scripts/compile-schemas.mjs next to the compiled code; absent under src/
    const generated = (await import(new URL('generated/validators.js', CODE_DIR).href)) as { config: Validate; pack: Validate; ruleValidators: Record<string, Validate> };
    if (rules.every((r) => generated.ruleValidators[r.meta.id])) {
      return { config: generated.config, pack: generated.pack, rules: generated.ruleValidators };
    }
  } catch (error) {
    // only a missing build output means "compile now"; a broken one is a bug to surface
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
  const { createAjv, ruleSchemaId } = await import('./schemas.js');
  const ajv = await createAjv(rules, false);
  const compiled: Record<string, Validate> = {};
  for (const rule of rules) compiled[rule.meta.id] = ajv.getSchema(ruleSchemaId(rule.meta.id)) as Validate;
  return { config: ajv.getSchema('config') as Validate, pack: ajv.getSchema('pack') as Validate, rules: compiled };
}
