import path from 'node:path';
import type { Validate } from '../schema.js';
import { ConfigError } from '../errors.js';
import { MSG } from '../messages.js';
import { loadPackFile, type LoadedPack } from '../packs/load.js';
import type { Rule } from '../rule.js';

/** The rules a config can name, and which of them its `extends` turns on at their default severity. */
export interface RuleSet {
  rules: Rule[];
  enabled: Set<string>;
}

/**
 * The rules and packs reportlint ships. The caller passes them in (src/engine/config.ts), as
 * ESLint injects its built-in rules, so that config/ does not depend on rules/.
 */
export interface Builtins {
  /** the code rules (src/rules/) */
  rules: readonly Rule[];
  /** the built-in packs (rules/*.json), compiled with the pack schema's validator */
  packs(validate: Validate): readonly LoadedPack[];
}

export const RECOMMENDED = 'reportlint:recommended';
const PREFIX = 'reportlint:';

/**
 * Resolve `extends`: "reportlint:recommended" (every code rule and the recommended built-in
 * packs), "reportlint:<pack-id>" (a built-in pack), or a path to a pack file relative to the
 * config file. Every built-in rule can be named in `rules` even when not extended.
 */
export function resolveRuleSet(extendsList: string[], configFile: string | null, baseDir: string, validate: Validate, builtins: Builtins): RuleSet {
  const packs = builtins.packs(validate);
  const rules: Rule[] = [...builtins.rules, ...packs.flatMap((p) => p.rules)];
  const enabled = new Set<string>();
  const shown = configFile ? path.relative(process.cwd(), configFile) || configFile : '<config>';
  extendsList.forEach((name, i) => {
    if (name === RECOMMENDED) {
      builtins.rules.forEach((r) => enabled.add(r.meta.id));
      packs.filter((p) => p.pack.recommended).forEach((p) => p.rules.forEach((r) => enabled.add(r.meta.id)));
    } else if (name.startsWith(PREFIX)) {
      const pack = packs.find((p) => p.pack.id === name.slice(PREFIX.length));
      if (!pack) {
        const known = [RECOMMENDED, ...packs.map((p) => PREFIX + p.pack.id)].join(', ');
        throw new ConfigError(shown, `extends[${i}]`, MSG.unknownPack(name, known));
      }
      pack.rules.forEach((r) => enabled.add(r.meta.id));
    } else {
      const file = path.resolve(baseDir, name);
      const loaded = loadPackFile(file, path.relative(process.cwd(), file) || file, validate);
      for (const rule of loaded.rules) {
        if (rules.some((r) => r.meta.id === rule.meta.id)) {
          throw new ConfigError(path.relative(process.cwd(), file) || file, '', MSG.ruleIdTaken(rule.meta.id));
        }
        rules.push(rule);
        enabled.add(rule.meta.id);
      }
    }
  });
  return { rules, enabled };
}
