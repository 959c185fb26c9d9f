import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintMessage, LintResult } from '../engine/lint.js';
import { codePointCount } from '../document/position.js';
import type { RuleMeta } from '../rule.js';
import type { FormatContext } from './types.js';
import { packageFile, packagePath } from '../paths.js';

/**
 * SARIF 2.1.0 (OASIS), one run, for GitHub code scanning and other SARIF viewers.
 *
 * Columns: our columns count code points, so the run says `columnKind: "unicodeCodePoints"`
 * (SARIF's default is UTF-16 code units). Fixes: `fix.range` is in UTF-16 offsets into the
 * decoded text; SARIF's charOffset/charLength count characters, which we take in the same unit
 * as the columns, code points, and convert from the text in `context.sources`. A file whose text
 * was not given gets no `fixes` rather than offsets in the wrong unit.
 */
const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';

interface PackageJson {
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

export function sarif(results: LintResult[], context: FormatContext): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as PackageJson;
  const repo = repositoryWebUrl(pkg.repository);
  const metas = Object.values(context.rulesMeta);
  for (const id of new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)))) {
    if (!context.rulesMeta[id]) metas.push({ id } as RuleMeta);
  }
  const ruleIndex = new Map(metas.map((m, i) => [m.id, i]));
  const en = context.locale === 'en';

  const rules = metas.map((meta) => {
    const doc = docOf(meta, context.cwd);
    const description = meta.description?.[context.locale];
    return {
      id: meta.id,
      ...(description
        ? {
            shortDescription: { text: description },
            fullDescription: { text: meta.fixable ? description + (en ? ' (automatically fixable)' : '（可自动修复）') : description },
          }
        : {}),
      ...(repo && doc.inPackage ? { helpUri: `${repo}/blob/HEAD/${doc.path}` } : {}),
      help: {
        text: doc.inPackage
          ? (en ? `See ${doc.path} in the reportlint package.` : `说明见 reportlint 包内的 ${doc.path}。`)
          : (en ? `See ${doc.path}.` : `说明见 ${doc.path}。`),
      },
      ...(meta.defaultSeverity
        ? {
            defaultConfiguration: meta.defaultSeverity === 'off'
              ? { enabled: false, level: 'note' }
              : { level: meta.defaultSeverity === 'error' ? 'error' : 'warning' },
          }
        : {}),
      ...(meta.tags ? { properties: { tags: meta.tags, type: meta.type, fixable: meta.fixable } } : {}),
    };
  });

  const sarifResults = results.flatMap((result) => {
    const artifactLocation = artifactLocationOf(result.filePath, context.cwd);
    const source = context.sources?.[result.filePath];
    return result.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: ruleIndex.get(m.ruleId)!,
      level: m.severity === 2 ? 'error' : 'warning',
      message: { text: m.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
          },
        },
      ],
      // a summary finding's other places
      ...(m.related
        ? {
            relatedLocations: m.related.map((r, id) => ({
              id,
              physicalLocation: { artifactLocation, region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn } },
            })),
          }
        : {}),
      ...(m.fix && source !== undefined ? { fixes: [fixOf(m.fix, source, artifactLocation)] } : {}),
    }));
  });

  const log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'reportlint',
            ...(pkg.homepage ? { informationUri: pkg.homepage } : {}),
            version: pkg.version,
            semanticVersion: pkg.version,
            language: en ? 'en' : 'zh-CN',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(context.cwd) } },
        columnKind: 'unicodeCodePoints',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

const outside = (relative: string) => relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
const PACKAGE_ROOT = packagePath('.');

/**
 * A rule's doc page: code rules have docs/rules/<id>.md in the package; a pack rule names its
 * own page (`docPath`, absolute), shown relative to the package if it is in it, else to cwd.
 */
function docOf(meta: RuleMeta, cwd: string): { path: string; inPackage: boolean } {
  if (!meta.docPath) return { path: `docs/rules/${meta.id}.md`, inPackage: true };
  const inPackage = path.relative(PACKAGE_ROOT, meta.docPath);
  if (!outside(inPackage)) return { path: inPackage.split(path.sep).join('/'), inPackage: true };
  const fromCwd = path.relative(cwd, meta.docPath);
  return { path: outside(fromCwd) ? meta.docPath : fromCwd.split(path.sep).join('/'), inPackage: false };
}

/** A path under cwd is relative to %SRCROOT% (forward slashes, percent-encoded); others are file: URIs. */
function artifactLocationOf(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, filePath);
  if (relative === '' || outside(relative)) return { uri: pathToFileURL(filePath).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function fixOf(fix: NonNullable<LintMessage['fix']>, source: string, artifactLocation: object) {
  const start = codePointCount(source, 0, fix.range[0]);
  const length = codePointCount(source, fix.range[0], fix.range[1]);
  return {
    artifactChanges: [
      {
        artifactLocation,
        replacements: [{ deletedRegion: { charOffset: start, charLength: length }, insertedContent: { text: fix.text } }],
      },
    ],
  };
}

/**
 * The web address of a package.json `repository` (a string or `{url}`; GitHub shorthand,
 * git+https, git@host:owner/name, ssh:// all accepted), or undefined.
 */
export function repositoryWebUrl(repository: PackageJson['repository']): string | undefined {
  const raw = (typeof repository === 'string' ? repository : repository?.url)?.trim();
  if (!raw) return undefined;
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand) {
    const host = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' }[(shorthand[1] ?? 'github') as 'github'];
    return `https://${host}/${shorthand[2]!.replace(/\.git$/, '')}`;
  }
  const url = raw
    .replace(/^git\+/, '')
    .replace(/^git@([^:/]+):/, 'https://$1/')
    .replace(/^(?:git|ssh):\/\/(?:[^@/]+@)?/, 'https://')
    .replace(/\.git$/, '');
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return parsed.href.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}
