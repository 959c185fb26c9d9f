/**
 * The layers of src/ and the order they import in (docs/architecture.md). Every `import`,
 * `export … from`, `import()` and `import('…')` type in src/ is read; an import may go to its own
 * layer or one below it, never above, and no module may reach itself through its imports.
 * No package needed: the imports are found with a regular expression over the sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Lowest first. A module belongs to the first layer whose test matches its path (relative to src/, with /). */
const LAYERS: ReadonlyArray<{ name: string; has: (file: string) => boolean }> = [
  { name: 'base (errors, messages, paths, schema, pattern)', has: (f) => ['errors.ts', 'messages.ts', 'paths.ts', 'schema.ts', 'pattern.ts'].includes(f) },
  { name: 'document model (model, position, text)', has: (f) => ['document/model.ts', 'document/position.ts', 'document/text.ts'].includes(f) },
  { name: 'input', has: (f) => f.startsWith('input/') },
  { name: 'document parse and facts', has: (f) => f.startsWith('document/') },
  { name: 'rule contract (rule.ts)', has: (f) => f === 'rule.ts' },
  { name: 'rules and packs', has: (f) => f.startsWith('rules/') || f.startsWith('packs/') },
  { name: 'config', has: (f) => f.startsWith('config/') },
  { name: 'engine', has: (f) => f.startsWith('engine/') },
  { name: 'formatters', has: (f) => f.startsWith('formatters/') },
  { name: 'annotate', has: (f) => f.startsWith('annotate/') },
  { name: 'serve', has: (f) => f.startsWith('serve/') },
  { name: 'cli', has: (f) => f.startsWith('cli/') },
  { name: 'api (index.ts)', has: (f) => f === 'index.ts' },
];

/**
 * Known exceptions, each with the change that removes it. An entry that no longer matches is
 * simply unused: delete it then.
 */
const KNOWN: ReadonlyArray<{ from: string; to: RegExp; why: string }> = [];

function sourceFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return sourceFiles(path.join(dir, e.name), rel);
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [rel] : [];
  });
}

const IMPORT = /(?:^|[;\s}])(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** The relative imports of a module, as paths relative to src/. */
function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec || !spec.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
    out.push(target);
  }
  return out;
}

function layerOf(file: string): number {
  const i = LAYERS.findIndex((l) => l.has(file));
  if (i < 0) throw new Error(`${file} is in no layer: add it to LAYERS in test/architecture.test.ts and to docs/architecture.md`);
  return i;
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(path.join(SRC, f), 'utf8'))]));
const known = (from: string, to: string) => KNOWN.some((k) => k.from === from && k.to.test(to));

describe('architecture: the layers of src/', () => {
  it('finds the imports (the parser is not blind)', () => {
    expect(graph.get('cli/main.ts')).toContain('engine/lint-files.ts');
    expect(graph.get('engine/worker.ts')).toContain('engine/lint-file.ts');
    expect(graph.get('document/parse/index.ts')).toContain('document/parse/markdown.ts'); // an import()
    expect(importsOf('a/b.ts', "import type { X } from '../c.js';\nexport * from './d.js';\nconst m = await import('./e.js');\n// import { no } from './comment.js'\n"))
      .toEqual(['c.ts', 'a/d.ts', 'a/e.ts']);
  });

  it('every module is in a layer and every import names a module that exists', () => {
    const missing: string[] = [];
    for (const [from, tos] of graph) {
      layerOf(from);
      for (const to of tos) if (!graph.has(to)) missing.push(`${from} → ${to}`);
    }
    expect(missing).toEqual([]);
  });

  it('no import goes up the layer order', () => {
    const upward: string[] = [];
    for (const [from, tos] of graph) {
      for (const to of tos) {
        if (graph.has(to) && layerOf(to) > layerOf(from) && !known(from, to)) {
          upward.push(`${from} (${LAYERS[layerOf(from)]!.name}) → ${to} (${LAYERS[layerOf(to)]!.name})`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it('the rules named in the brief hold: config/ ↛ rules/, packs/ ↛ config/, document/ ↛ engine/ or cli/, input/ ↛ anything above it', () => {
    const bad: string[] = [];
    for (const [from, tos] of graph) {
      for (const to of tos) {
        if (from.startsWith('config/') && to.startsWith('rules/')) bad.push(`${from} → ${to}`);
        if (from.startsWith('packs/') && to.startsWith('config/')) bad.push(`${from} → ${to}`);
        if (from.startsWith('document/') && (to.startsWith('engine/') || to.startsWith('cli/'))) bad.push(`${from} → ${to}`);
        if (from.startsWith('input/') && !to.startsWith('input/') && layerOf(to) > layerOf(from)) bad.push(`${from} → ${to}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no module reaches itself through its imports (no cycle)', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const to of graph.get(file) ?? []) {
        if (!graph.has(to) || known(file, to)) continue;
        if (state.get(to) === 'open') cycles.push([...stack.slice(stack.indexOf(to)), to].join(' → '));
        else if (!state.has(to)) visit(to);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('the known exceptions are few and explained', () => {
    expect(KNOWN.length).toBeLessThanOrEqual(1);
    for (const k of KNOWN) expect(k.why).not.toBe('');
  });
});
