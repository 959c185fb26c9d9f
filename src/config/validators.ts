import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../rule.js';
import type { Validate, Validators } from './schemas.js';
import { createAjv, ruleSchemaId } from './schemas.js';
import { CODE_DIR } from '../paths.js';

const require = createRequire(import.meta.url);
let loaded: Validators | null = null;

/** Validators compiled at build time, or compiled now when running from source (loaded once). */
export function validatorsFor(rules: readonly Rule[]): Validators {
  loaded ??= load(rules);
  return loaded;
}

/** validatorsFor, as a promise. */
export function getValidators(rules: readonly Rule[]): Promise<Validators> {
  try {
    return Promise.resolve(validatorsFor(rules));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/**
 * The pack schema's validator, loaded on its first call: a run that validates no pack (no config
 * file, built-in packs the build validated) never loads the generated code.
 */
export function lazyPackValidator(rules: readonly Rule[]): Validate {
  return loadedOnFirstCall(() => validatorsFor(rules).pack);
}

/** A validator that gets the real one on its first call and passes its errors on. */
function loadedOnFirstCall(load: () => Validate): Validate {
  let real: Validate | undefined;
  const validate: Validate = (data: unknown) => {
    real ??= load();
    const ok = real(data);
    validate.errors = real.errors ?? null;
    return ok;
  };
  return validate;
}

function load(rules: readonly Rule[]): Validators {
  try {
    // written by scripts/compile-schemas.mjs next to the compiled code; absent under src/
    const generated = require(generatedFile('validators.cjs')) as { config: Validate; ruleValidators: Record<string, Validate> };
    if (rules.every((r) => generated.ruleValidators[r.meta.id])) {
      return { config: generated.config, pack: generatedPackValidator(), rules: generated.ruleValidators };
    }
  } catch (error) {
    // only a missing build output means "compile now"; a broken one is a bug to surface
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  const ajv = createAjv(rules, false);
  const compiled: Record<string, Validate> = {};
  for (const rule of rules) compiled[rule.meta.id] = ajv.getSchema(ruleSchemaId(rule.meta.id)) as Validate;
  return { config: ajv.getSchema('config') as Validate, pack: ajv.getSchema('pack') as Validate, rules: compiled };
}

function generatedFile(name: string): string {
  return fileURLToPath(new URL(`generated/${name}`, CODE_DIR));
}

/**
 * The pack schema's generated validator, required on its first call: it is most of the generated
 * code, and a run with a config file that names no pack file never calls it.
 */
function generatedPackValidator(): Validate {
  return loadedOnFirstCall(() => (require(generatedFile('pack-validator.cjs')) as { pack: Validate }).pack);
}
