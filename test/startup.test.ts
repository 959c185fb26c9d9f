// Start-up work a run skips (issue 13): what the build did once must not be done again by a run,
// and must be done again when its input changed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getValidators } from '../src/config/validators.js';
import { loadPackFile, type PackStamp } from '../src/packs/load.js';
import { allRules } from '../src/rules/index.js';
import { CLI, ROOT, tempDir } from './cli-helpers.js';

const RULES_DIR = path.join(ROOT, 'rules');
/** the command as installed: package.json's bin */
const BIN = path.join(ROOT, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { reportlint: string } }).bin.reportlint);
const packFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.json')).sort();

/** A validator that counts its calls. */
async function countingValidator() {
  const real = (await getValidators(allRules)).pack;
  const validate = Object.assign((data: unknown) => {
    validate.calls++;
    const ok = real(data);
    validate.errors = real.errors ?? null;
    return ok;
  }, { calls: 0, errors: null as unknown });
  return validate;
}

/** What a rule set finds on a text, for comparing two loads of one pack. */
function findings(rules: ReturnType<typeof loadPackFile>['rules'], text: string) {
  return import('../src/index.js').then(async ({ parseDocumentAsync, lintDocument }) => {
    const doc = await parseDocumentAsync(text, { filename: 'a.txt' });
    return lintDocument(doc, rules.map((rule) => ({ rule, severity: 2 as const, options: {} })), 'zh')
      .map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  });
}

describe('built-in packs: validated by the build, not by each run', () => {
  const stamps = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'generated', 'builtin-packs.json'), 'utf8')) as Record<string, PackStamp>;

  it('the build stamped every pack in rules/ as it is now', () => {
    expect(Object.keys(stamps).sort()).toEqual(packFiles);
    for (const f of packFiles) {
      expect(stamps[f]!.text === readFileSync(path.join(RULES_DIR, f), 'utf8').replace(/^\uFEFF/, ''), f).toBe(true);
    }
  });

  it('with its stamp a pack is not validated again and finds the same; edited, it is validated', async () => {
    const sample = '我们要进一步做出贡献，截止目前，以习近平同志为总书记的党中央，全方面推进，做的还不够，尊法学法遵法用法。';
    let found = 0;
    for (const f of packFiles) {
      const file = path.join(RULES_DIR, f);
      const validate = await countingValidator();
      const stamped = loadPackFile(file, `rules/${f}`, validate, true, stamps[f]);
      expect(validate.calls, f).toBe(0);
      const plain = loadPackFile(file, `rules/${f}`, validate, true);
      expect(validate.calls, f).toBe(1);
      const withStamp = await findings(stamped.rules, sample);
      expect(withStamp, f).toEqual(await findings(plain.rules, sample));
      found += withStamp.length;
      // a copy edited after the build does not match its stamp
      const edited = path.join(tempDir(), f);
      writeFileSync(edited, readFileSync(file, 'utf8') + '\n');
      loadPackFile(edited, `rules/${f}`, validate, true, stamps[f]);
      expect(validate.calls, f).toBe(2);
    }
    expect(found).toBeGreaterThan(3);
  });
});

describe('a run without a config file loads no schema validators', () => {
  // NODE_DEBUG=module names every CommonJS module the process loads (the validators are one)
  const loads = (cwd: string, file: string) => {
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', file], { cwd, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' } });
    expect(r.status, r.stderr.slice(-2000)).toBe(1);
    return r.stderr;
  };

  it('no config: the generated validators stay unloaded', () => {
    const dir = tempDir();
    copyFileSync(path.join(ROOT, 'seeds', '000_123d78033956bda4.txt'), path.join(dir, 'draft.txt'));
    expect(loads(dir, 'draft.txt')).not.toMatch(/validators\.cjs/);
  });

  it('a config file: they are loaded to check it', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'x'));
    writeFileSync(path.join(dir, '.reportlintrc.json'), '{"rules":{"relative-time":"warn"}}');
    copyFileSync(path.join(ROOT, 'seeds', '000_123d78033956bda4.txt'), path.join(dir, 'x', 'draft.txt'));
    const loaded = loads(dir, 'x/draft.txt');
    expect(loaded).toMatch(/generated[\\/]validators\.cjs/);
    // the pack schema's validator (most of the generated code) waits for a pack file
    expect(loaded).not.toMatch(/pack-validator\.cjs/);
  });

  it('a config that extends a pack file: the pack validator is loaded and checks it', () => {
    const dir = tempDir();
    const pack = {
      id: 'office', description: '本单位用语',
      rules: [{ id: 'office-wording', description: '本单位用语规范', severity: 'error', checks: [{ type: 'forbid', patterns: ['领导高度重视'], message: '套话「{{match}}」' }] }],
    };
    writeFileSync(path.join(dir, 'office.json'), JSON.stringify(pack));
    writeFileSync(path.join(dir, '.reportlintrc.json'), '{"extends":["reportlint:recommended","./office.json"]}');
    writeFileSync(path.join(dir, 'draft.txt'), '领导高度重视此项工作。\n');
    expect(loads(dir, 'draft.txt')).toMatch(/pack-validator\.cjs/);
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', 'draft.txt'], { cwd: dir, encoding: 'utf8' });
    expect((JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string }> }>)[0]!.messages.map((m) => m.ruleId)).toContain('office-wording');
    // the same validator rejects a pack the schema does not allow, with exit 2 and one line
    writeFileSync(path.join(dir, 'office.json'), JSON.stringify({ ...pack, rules: [{ ...pack.rules[0], checks: [{ type: 'forbid' }] }] }));
    const bad = spawnSync(process.execPath, [CLI, 'draft.txt'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/office\.json: rules\[0\]\.checks\[0\]/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a plain run requires no module but the bundle and Node\'s own', () => {
  // NODE_DEBUG=module names every require; a package required at run time costs its resolution
  // and a compile outside the bundle's code cache (json-logic-js was one: now bundled)
  it('a .txt and a Markdown draft of headings and paragraphs, no config file', () => {
    const dir = tempDir();
    const seed = readFileSync(path.join(ROOT, 'seeds', '000_123d78033956bda4.txt'), 'utf8');
    writeFileSync(path.join(dir, 'draft.txt'), seed);
    writeFileSync(path.join(dir, 'draft.md'), seed.split('\n').map((l) => (/^[一二三四五六七八九十]+\s*、/.test(l) ? `## ${l}` : l)).join('\n\n'));
    for (const file of ['draft.txt', 'draft.md']) {
      const r = spawnSync(process.execPath, [BIN, '--format', 'json', file], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' } });
      expect(r.status, r.stderr.slice(-2000)).toBe(1);
      const requests = [...r.stderr.matchAll(/Module\._load REQUEST (\S+)/g)].map((m) => m[1]!);
      expect(requests.length, file).toBeGreaterThan(0);
      expect(requests.filter((id) => !isBuiltin(id)), file).toEqual([]);
    }
  });

  it('a .docx: the Word packages as the one file the build bundled them into', () => {
    const dir = tempDir();
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'docx', 'styled.docx'), path.join(dir, 'draft.docx'));
    const r = spawnSync(process.execPath, [BIN, '--format', 'json', 'draft.docx'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' } });
    expect(r.status, r.stderr.slice(-2000)).toBe(1);
    const requests = [...r.stderr.matchAll(/Module\._load REQUEST (\S+) parent: (\S+)/g)].filter((m) => !isBuiltin(m[1]!));
    // (required twice, for mammoth and for jszip: loaded once)
    expect([...new Set(requests.map((m) => `${m[1]} from ${path.relative(ROOT, m[2]!)}`))]).toEqual([`./docx-packages.cjs from ${path.join('dist', 'cli-bundle.cjs')}`]);
    expect(JSON.parse(r.stdout)[0].messages.length).toBeGreaterThan(0);
  });
});

describe('package.json\'s bin is CommonJS', () => {
  it('it starts without the ESM loader (NODE_DEBUG=esm says nothing) and finds what dist/cli.js finds', () => {
    const dir = tempDir();
    copyFileSync(path.join(ROOT, 'seeds', '000_123d78033956bda4.txt'), path.join(dir, 'draft.txt'));
    const run = spawnSync(process.execPath, [BIN, '--format', 'json', 'draft.txt'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'esm' } });
    expect(run.status, run.stderr.slice(-2000)).toBe(1);
    expect(run.stderr).not.toMatch(/^ESM \d+:/m);
    const esm = spawnSync(process.execPath, [CLI, '--format', 'json', 'draft.txt'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'esm' } });
    // (the check above can fail: an ES module entry is reported)
    expect(esm.stderr).toMatch(/^ESM \d+:/m);
    expect(run.stdout).toBe(esm.stdout);
  });

  it('started through a link to it, as node_modules/.bin/reportlint is, it runs', () => {
    const dir = tempDir();
    copyFileSync(path.join(ROOT, 'seeds', '000_123d78033956bda4.txt'), path.join(dir, 'draft.txt'));
    symlinkSync(BIN, path.join(dir, 'reportlint'));
    const run = spawnSync(process.execPath, [path.join(dir, 'reportlint'), '--format', 'json', 'draft.txt'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)[0].messages.length).toBeGreaterThan(0);
  });
});

describe('the rule pages\' extract (dist/rule-docs.json) is read by the html report alone', () => {
  // a preload that reports each read of the file: the CLI's modules import readFileSync from node:fs
  const preload = (dir: string) => {
    const file = path.join(dir, 'watch-reads.mjs');
    writeFileSync(file, [
      "import fs from 'node:fs';",
      "import { syncBuiltinESMExports } from 'node:module';",
      'const real = fs.readFileSync;',
      "fs.readFileSync = function (file, ...rest) { if (String(file instanceof URL ? file.pathname : file).endsWith('rule-docs.json')) process.stderr.write('READ rule-docs.json\\n'); return real.call(this, file, ...rest); };",
      'syncBuiltinESMExports();',
    ].join('\n'));
    return file;
  };
  const run = (dir: string, args: string[]) => spawnSync(process.execPath, ['--import', pathToFileURL(preload(dir)).href, CLI, ...args], { cwd: dir, encoding: 'utf8' });

  it('a stylish run does not read it; an html run does', () => {
    const dir = tempDir();
    copyFileSync(path.join(ROOT, 'seeds', '000_123d78033956bda4.txt'), path.join(dir, 'draft.txt'));
    const plain = run(dir, ['draft.txt']);
    expect(plain.status, plain.stderr).toBe(1);
    expect(plain.stderr).not.toContain('READ rule-docs.json');
    const page = run(dir, ['--format', 'html', 'draft.txt']);
    expect(page.status, page.stderr).toBe(1);
    expect(page.stderr).toContain('READ rule-docs.json');
    expect(page.stdout).toContain('<section id="rules">');
  });
});

describe('the CLI bundle is compiled with the code cache the build wrote', () => {
  // dist/cli.js sets V8 flags before it compiles the bundle; a cache made under other flags is
  // rejected by V8 (silently: the run only gets slower), so the entry and the cache must agree
  it('V8 accepts dist/cli-bundle.cache', () => {
    const probe = `import(${JSON.stringify(pathToFileURL(CLI).href)}).then((m) => console.log(JSON.stringify({ rejected: m.script.cachedDataRejected })))`;
    const run = spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ rejected: false });
  });
});
