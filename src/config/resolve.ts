import path from 'node:path';
import type { Rule } from '../rule.js';
import type { Config, Override, RuleSetting, SeverityLevel } from './index.js';

/** A rule as it runs on one file: its severity there and its options merged over the defaults. */
export interface ActiveRule {
  rule: Rule;
  severity: 1 | 2;
  options: Record<string, unknown>;
}

const SEVERITY: Record<string, SeverityLevel> = { off: 0, warn: 1, error: 2 };

type Matcher = (file: string) => boolean;
const matchers = new WeakMap<Override, Matcher>();

/**
 * The rules that run on `file`: the rules `extends` turns on, at their default severity,
 * then the config's rules, then each matching override in order, then --rule flags.
 */
export async function activeRulesFor(
  file: string,
  config: Config,
  cliRules: Record<string, RuleSetting> = NO_CLI_RULES,
): Promise<ActiveRule[]> {
  // without overrides the answer is the same for every file under this config: a batch of a
  // thousand drafts works it out once (callers only read the list)
  if (config.overrides.length === 0) {
    const byFlags = sameForEveryFile.get(config) ?? new WeakMap<object, ActiveRule[]>();
    sameForEveryFile.set(config, byFlags);
    let active = byFlags.get(cliRules);
    if (!active) {
      active = await resolveActiveRules(file, config, cliRules);
      byFlags.set(cliRules, active);
    }
    return active;
  }
  return resolveActiveRules(file, config, cliRules);
}

const NO_CLI_RULES: Record<string, RuleSetting> = {};
const sameForEveryFile = new WeakMap<Config, WeakMap<object, ActiveRule[]>>();

async function resolveActiveRules(file: string, config: Config, cliRules: Record<string, RuleSetting>): Promise<ActiveRule[]> {
  const settings: Record<string, RuleSetting> = {};
  const layer = (entries: Record<string, RuleSetting>) => {
    for (const [id, s] of Object.entries(entries)) {
      // an override that only changes the severity keeps the options set before it
      const before = settings[id];
      settings[id] = { severity: s.severity, options: Object.keys(s.options).length ? s.options : before?.options ?? {} };
    }
  };
  layer(config.rules);
  if (config.overrides.length) {
    const relative = path.relative(config.dir, path.resolve(file)).split(path.sep).join('/');
    for (const override of config.overrides) {
      if ((await matcherFor(override))(relative)) layer(override.rules);
    }
  }
  layer(cliRules);

  const active: ActiveRule[] = [];
  for (const rule of config.ruleSet.rules) {
    const setting = settings[rule.meta.id];
    // rules the config's `extends` does not turn on run only when named
    const byDefault = config.ruleSet.enabled.has(rule.meta.id) ? SEVERITY[rule.meta.defaultSeverity]! : 0;
    const severity = setting ? setting.severity : byDefault;
    if (severity === 0) continue;
    active.push({ rule, severity, options: { ...rule.meta.defaultOptions, ...(setting?.options ?? {}) } });
  }
  return active;
}

async function matcherFor(override: Override): Promise<Matcher> {
  let matcher = matchers.get(override);
  if (!matcher) {
    const { default: picomatch } = await import('picomatch');
    const include = picomatch(override.files, { dot: true });
    const exclude = override.excludedFiles.length ? picomatch(override.excludedFiles, { dot: true }) : () => false;
    // a pattern without a slash matches the file name in any folder, as in .gitignore and ESLint
    const includeBase = picomatch(override.files.filter((p) => !p.includes('/')), { dot: true });
    matcher = (file: string) => (include(file) || includeBase(path.posix.basename(file))) && !exclude(file);
    matchers.set(override, matcher);
  }
  return matcher;
}
