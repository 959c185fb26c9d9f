/**
 * The configs a run uses, with reportlint's own rules and packs injected (config/ never imports
 * rules/: ESLint passes its built-in rules in the same way), and the one config-per-folder memo
 * that the CLI, the worker threads and the API share.
 */
import path from 'node:path';
import * as config from '../config/index.js';
import type { Builtins, Config, RuleSetting } from '../config/index.js';
import { UsageError } from '../errors.js';
import { MSG } from '../messages.js';
import { builtinPacks } from '../packs/load.js';
import { allRules } from '../rules/index.js';

/** The code rules of src/rules/ and the packs of rules/*.json. */
export const BUILTINS: Builtins = { rules: allRules, packs: builtinPacks };

/** Find and read the config for a file (nearest from its folder upwards), or read `explicitPath`. */
export function loadConfig(options: Omit<config.LoadConfigOptions, 'builtins'>): Promise<Config> {
  return config.loadConfig({ ...options, builtins: BUILTINS });
}

/** The config that applies where there is no config file: the recommended set. */
export function defaultConfig(dir: string): Promise<Config> {
  return config.defaultConfig(dir, BUILTINS);
}

/** --rule may name any rule the config knows, pack rules included */
export function checkRuleFlags(cliRules: Record<string, RuleSetting>, config: Config): void {
  for (const id of Object.keys(cliRules)) {
    if (!config.ruleSet.rules.some((r) => r.meta.id === id)) throw new UsageError(MSG.unknownRuleFlag(id));
  }
}

/** Where a run finds the config for a file. */
export interface ConfigLookup {
  configFor(file: string): Promise<Config>;
}

/**
 * One config per folder (or the one --config file for every file), each loaded once and checked
 * against the --rule flags when loaded.
 */
export class ConfigsByFolder implements ConfigLookup {
  private readonly configs = new Map<string, Promise<Config>>();

  constructor(
    private readonly cwd: string,
    private readonly explicitConfig: string | undefined,
    private readonly cliRules: Record<string, RuleSetting> = {},
  ) {}

  configFor(file: string): Promise<Config> {
    const key = this.explicitConfig ? '<explicit>' : path.dirname(file);
    let loaded = this.configs.get(key);
    if (!loaded) {
      loaded = loadConfig({ forFile: file, explicitPath: this.explicitConfig, cwd: this.cwd }).then((c) => {
        checkRuleFlags(this.cliRules, c);
        return c;
      });
      this.configs.set(key, loaded);
    }
    return loaded;
  }

  /** every config loaded so far, in the order they were first asked for */
  loaded(): Promise<Config[]> {
    return Promise.all(this.configs.values());
  }
}
