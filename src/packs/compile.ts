import jsonLogic from 'json-logic-js';
import type { DocumentModel, Section } from '../document/model.js';
import { contiguousSourceRange, sourceEndOffset, sourceOffset, sourceRange } from '../document/position.js';
import type { LocalizedText, Report, Rule, RuleContext, RuleMeta } from '../rule.js';
import { factsOf, type WhenData } from '../document/facts/index.js';
import { SAMPLE_FACTS, type UnitFacts } from './facts.js';
import { closestHeading, compileParts, findParts, type CompiledPart, type FoundPart } from '../document/facts/part-finder.js';
import { PatternPrefilter } from './literals.js';
import { PackError, PatternError } from '../errors.js';
import { compilePattern, MATCH_LIMIT, type Pattern, type PatternMatch } from '../pattern.js';
import type { ForbidPattern, JsonLogic, Level, Pack, PackCheck, PackPart, PackRule, PackScope, PackText, PackUnless, PackValid } from './types.js';
import { inside, readValid, reportPeriod, type DayRange } from './valid.js';
import {
  headingUnits, matchesIn, paragraphUnits, sectionRanges, sentenceUnits, type TextRange, type Unit,
} from './units.js';

/** A problem in a pack, located by its JSON path (rules[0].checks[2].patterns[1]). */
export { PackError };

export function text(t: PackText): LocalizedText {
  return typeof t === 'string' ? { zh: t, en: t } : { zh: t.zh, en: t.en ?? t.zh };
}

const NO_OPTIONS = { type: 'object', additionalProperties: false, properties: {} };

const SECTION_MESSAGES = {
  missing: { zh: '缺少「{{part}}」部分', en: 'The report has no "{{part}}" part' },
  missingNear: {
    zh: '缺少「{{part}}」部分（最接近的标题是「{{candidate}}」，如是该部分，请在标题中写明）',
    en: 'The report has no "{{part}}" part (the closest heading is "{{candidate}}"; if that is the part, say so in its heading)',
  },
  year: {
    zh: '「{{part}}」应针对{{expected}}年，这里写的是{{found}}年',
    en: '"{{part}}" should be about {{expected}}, but it names {{found}}',
  },
};

interface CompiledCheck {
  index: number;
  def: PackCheck;
  patterns: Pattern[];
  /** the number of patterns[0] among the rule's patterns in its prefilter */
  firstPattern: number;
  /** by pattern: the exceptions (the entry's `unless` and the check's); a match one of them overlaps is skipped */
  unless: Pattern[][];
  /** the check's period of validity (null: always) */
  valid: DayRange | null;
  /** by pattern: the entry's period of validity (null: always) */
  entryValid: Array<DayRange | null>;
  /** scope {section: {heading}}: the heading pattern */
  scopeHeading: Pattern | null;
  parts: CompiledPart<PackPart>[];
  /** relation: each named figure's label and unit patterns */
  figures: Array<{ name: string; label: Pattern; unit: Pattern | null }>;
}

/**
 * Turn a validated pack into rules the engine runs like any rule written in code.
 * `trusted`: a built-in pack, whose patterns a test proves linear (they keep native RegExp; see regex.ts).
 * `literals`: the patterns' required literals by source, as the build found them (see
 * PatternPrefilter); the ones not in it are worked out and added.
 */
export function packRules(pack: Pack, docBase: string | null, trusted = false, literals?: Map<string, string[] | null>): Rule[] {
  return pack.rules.map((rule, r) => compileRule(pack, rule, `rules[${r}]`, docBase, trusted, literals));
}

function compileRule(
  pack: Pack, rule: PackRule, path: string, docBase: string | null, trusted: boolean, literals: Map<string, string[] | null> | undefined,
): Rule {
  const messages: Record<string, LocalizedText> = {};
  // the sources of all checks' patterns, in order, for the rule's prefilter
  const sources: string[] = [];
  // `scope: {section: {part}}` looks in the parts the rule's first sections check finds
  const firstSections = rule.checks.find((c) => c.type === 'sections');
  const partIds = new Set(firstSections?.type === 'sections' ? firstSections.parts.map((p) => p.id) : []);
  const checks: CompiledCheck[] = rule.checks.map((def, index) => {
    const at = `${path}.checks[${index}]`;
    if (def.when !== undefined) checkLogic(def.when, `${at}.when`);
    const compiled: CompiledCheck = {
      index, def, patterns: [], firstPattern: sources.length, unless: [], valid: null, entryValid: [], scopeHeading: null, parts: [], figures: [],
    };
    const pattern = (source: string, where: string) => {
      try {
        return compilePattern(source, trusted);
      } catch (error) {
        if (error instanceof PatternError) throw new PackError(where, error.message);
        throw error;
      }
    };
    const window = (valid: PackValid | undefined, where: string): DayRange | null => {
      if (valid === undefined) return null;
      const read = readValid(valid);
      if (typeof read === 'string') throw new PackError(where, read);
      return read;
    };
    const exceptions = (unless: PackUnless | undefined, where: string): Pattern[] =>
      unless === undefined ? []
        : typeof unless === 'string' ? [pattern(unless, where)]
        : unless.map((u, i) => pattern(u, `${where}[${i}]`));
    compiled.valid = window(def.valid, `${at}.valid`);
    const checkUnless = 'unless' in def ? exceptions(def.unless, `${at}.unless`) : [];
    if (def.type !== 'sections' && def.type !== 'relation' && typeof def.scope === 'object' && def.scope.section.heading) {
      compiled.scopeHeading = pattern(def.scope.section.heading, `${at}.scope.section.heading`);
    }
    if (def.type !== 'sections' && def.type !== 'relation' && typeof def.scope === 'object' && def.scope.section.part !== undefined
      && !partIds.has(def.scope.section.part)) {
      throw new PackError(`${at}.scope.section.part`, `names no part of this rule's sections check ("${def.scope.section.part}")`);
    }
    switch (def.type) {
      case 'forbid':
        compiled.patterns = def.patterns.map((p, i) => pattern(forbidSource(p), typeof p === 'string' ? `${at}.patterns[${i}]` : `${at}.patterns[${i}].pattern`));
        compiled.unless = def.patterns.map((p, i) => [
          ...(typeof p === 'string' ? [] : exceptions(p.unless, `${at}.patterns[${i}].unless`)), ...checkUnless,
        ]);
        compiled.entryValid = def.patterns.map((p, i) => (typeof p === 'string' ? null : window(p.valid, `${at}.patterns[${i}].valid`)));
        break;
      case 'prefer':
        compiled.patterns = def.replace.map((e, i) => pattern(e.wrong, `${at}.replace[${i}].wrong`));
        compiled.unless = def.replace.map((e, i) => [...exceptions(e.unless, `${at}.replace[${i}].unless`), ...checkUnless]);
        compiled.entryValid = def.replace.map((e, i) => window(e.valid, `${at}.replace[${i}].valid`));
        break;
      case 'count':
        compiled.patterns = [pattern(def.pattern, `${at}.pattern`)];
        compiled.unless = [checkUnless];
        break;
      case 'consistent':
        compiled.patterns = def.forms.map((p, i) => pattern(p, `${at}.forms[${i}]`));
        compiled.unless = [checkUnless, checkUnless];
        break;
      case 'requires':
        // the exceptions apply to `if`: an `if` match they overlap does not count
        compiled.patterns = [pattern(def.if, `${at}.if`), pattern(def.then, `${at}.then`)];
        compiled.unless = [checkUnless, []];
        break;
      case 'relation': {
        compiled.figures = Object.entries(def.figures).map(([name, f]) => ({
          name,
          label: pattern(f.label, `${at}.figures.${name}.label`),
          unit: f.unit ? pattern(f.unit, `${at}.figures.${name}.unit`) : null,
        }));
        if (def.at !== undefined && !(def.at in def.figures)) throw new PackError(`${at}.at`, `names no figure of this check ("${def.at}")`);
        const sample = Object.fromEntries(compiled.figures.map((f) => [f.name, 1]));
        try {
          jsonLogic.apply(def.condition as never, { ...SAMPLE_FACTS, ...sample });
        } catch (error) {
          throw new PackError(`${at}.condition`, `bad json-logic condition: ${(error as Error).message}`);
        }
        break;
      }
      case 'sections':
        try {
          compiled.parts = compileParts(def.parts, trusted);
        } catch (error) {
          if (error instanceof PatternError) throw new PackError(`${at}.parts`, error.message);
          throw error;
        }
        break;
    }
    if (def.type !== 'relation') sources.push(...compiled.patterns.map((re) => re.source));
    if (def.type === 'sections') {
      messages[`c${index}.missing`] = def.message ? text(def.message) : SECTION_MESSAGES.missing;
      messages[`c${index}.missingNear`] = def.message ? text(def.message) : SECTION_MESSAGES.missingNear;
      messages[`c${index}.year`] = SECTION_MESSAGES.year;
      def.parts.forEach((part, p) => (part.contains ?? []).forEach((c, k) => (messages[`c${index}.p${p}.contains${k}`] = text(c.message))));
    } else {
      messages[`c${index}`] = text(def.message!);
    }
    return compiled;
  });

  const meta: RuleMeta = {
    id: rule.id,
    description: text(rule.description),
    type: rule.type ?? 'suggestion',
    defaultSeverity: rule.severity ?? 'warn',
    fixable: rule.checks.some((c) => c.type === 'prefer' || (c.type === 'consistent' && c.preferred !== undefined)),
    schema: NO_OPTIONS,
    defaultOptions: {},
    messages,
    tags: rule.tags ?? [`pack:${pack.id}`],
    pack: pack.id,
    ...(rule.doc && docBase ? { docPath: new URL(rule.doc, docBase).pathname } : {}),
  };
  const prefilter = new PatternPrefilter(sources, literals);
  return { meta, check: (ctx) => runRule(pack, checks, prefilter, ctx) };
}

/** The pattern of a forbid entry, written alone or as {pattern, unless, valid}. */
function forbidSource(p: ForbidPattern): string {
  return typeof p === 'string' ? p : p.pattern;
}

function checkLogic(logic: JsonLogic, path: string): void {
  try {
    jsonLogic.apply(logic as never, SAMPLE_FACTS);
  } catch (error) {
    throw new PackError(path, `bad json-logic condition: ${(error as Error).message}`);
  }
}

// ---------------------------------------------------------------- running

function runRule(pack: Pack, checks: CompiledCheck[], prefilter: PatternPrefilter, ctx: RuleContext): void {
  const doc = ctx.document;
  const facts = factsOf(doc).when;
  if (pack.reportType && facts.reportType !== pack.reportType) return;
  // parts found by the rule's first sections check, for `scope: {section: {part}}` and unit.part
  let parts: Map<string, FoundPart> | null = null;
  const partsOf = () => {
    if (!parts) {
      const sections = checks.find((c) => c.def.type === 'sections');
      parts = sections ? findParts(doc, sections.parts, factsOf(doc).documentRanges) : new Map();
    }
    return parts;
  };
  const partOfSection = (section: Section | null): string | null => {
    for (let s: number | null = section ? section.id : null; s !== null; s = doc.allSections[s]!.parentId) {
      for (const [id, found] of partsOf()) if (found.section?.id === s) return id;
    }
    return null;
  };
  const holds = (check: CompiledCheck, unit: Unit | null): boolean => {
    if (check.def.when === undefined) return true;
    const unitFacts: UnitFacts = {
      kind: unit?.kind ?? 'document',
      part: unit ? partOfSection(unit.section) : null,
      heading: unit?.section?.heading.title ?? '',
      level: unit?.section?.level ?? 0,
    };
    return Boolean(jsonLogic.apply(check.def.when as never, { ...facts, unit: unitFacts }));
  };

  // the report's date, read only when a check or entry with a period of validity has a candidate
  let period: DayRange | null | undefined;
  const applies = (window: DayRange | null) => window === null || inside((period === undefined ? (period = reportPeriod(doc)) : period), window);
  // the matches of each exception pattern in the block searched last
  const spans = new Map<Pattern, { text: string; spans: Array<[number, number]> }>();
  const excepted = (unless: readonly Pattern[], m: { range: TextRange; index: number; match: PatternMatch }) => {
    if (unless.length === 0) return false;
    const text = m.range.block.text;
    const start = m.index;
    const end = m.index + m.match[0].length;
    return unless.some((u) => {
      let found = spans.get(u);
      if (!found || found.text !== text) {
        found = { text, spans: [...u.matches(text)].map((x): [number, number] => [x.index, x.index + x[0].length]) };
        spans.set(u, found);
      }
      return found.spans.some(([a, b]) => a < end && b > start);
    });
  };
  // the matches of pattern k of a check that no exception overlaps
  const kept = (check: CompiledCheck, k: number, ranges: readonly TextRange[], limit?: number) => {
    const unless = check.unless[k] ?? [];
    const all = matchesIn(ranges, check.patterns[k]!, limit);
    return unless.length === 0 ? all : (function* () {
      for (const m of all) if (!excepted(unless, m)) yield m;
    })();
  };

  const candidatesIn = prefilter.forRun();
  for (const check of checks) {
    const id = `c${check.index}`;
    const level = check.def.level;
    const report = (r: Omit<Report, 'level'> & { level?: Level }) => ctx.report({ ...r, level: r.level ?? level });
    if (check.valid !== null && !applies(check.valid)) continue;
    if (check.def.type === 'sections') {
      if (holds(check, null)) runSections(check, doc, partsOf(), facts.year, report);
      continue;
    }
    if (check.def.type === 'relation') {
      if (holds(check, null)) runRelation(check, doc, facts, report);
      continue;
    }
    const units = unitsFor(doc, check.def.scope ?? 'document', check.scopeHeading, partsOf).filter((u) => holds(check, u));
    const def = check.def;
    // for each pattern of the check, the ranges of the unit where it can match at all
    const candidates = (ranges: readonly TextRange[]) => candidatesIn(ranges, check.firstPattern, check.patterns.length);
    switch (def.type) {
      case 'forbid':
        for (const unit of units) {
          const where = candidates(unit.ranges);
          for (const k of check.patterns.keys()) {
            if (where[k]!.length === 0 || !applies(check.entryValid[k] ?? null)) continue;
            for (const m of kept(check, k, where[k]!)) report({ messageId: id, data: { match: m.match[0] }, ...place(m.range, m.index, m.match[0].length) });
          }
        }
        break;
      case 'prefer':
        for (const unit of units) {
          const where = candidates(unit.ranges);
          check.patterns.forEach((_, k) => {
            const entry = def.replace[k]!;
            if (where[k]!.length === 0 || !applies(check.entryValid[k] ?? null)) return;
            for (const m of kept(check, k, where[k]!)) {
              const right = expand(entry.right, m.match);
              const at = place(m.range, m.index, m.match[0].length);
              const range = contiguousSourceRange(m.range.block, m.index, m.index + m.match[0].length);
              report({ messageId: id, data: { match: m.match[0], right }, ...at, ...(range ? { fix: { ...range, text: right } } : {}) });
            }
          });
        }
        break;
      case 'count':
        for (const unit of units) {
          // enough matches to tell (a user pattern stops at MATCH_LIMIT per block, see regex.ts)
          const limit = Math.max(MATCH_LIMIT, (def.max ?? 0) + 1, def.min ?? 0);
          const found = [...kept(check, 0, candidates(unit.ranges)[0]!, limit)];
          const data = { count: found.length, min: def.min ?? 0, max: def.max ?? '∞' };
          if (def.min !== undefined && found.length < def.min) {
            const first = unit.ranges[0];
            if (first) report({ messageId: id, data, ...place(first, first.start, 0) });
          } else if (def.max !== undefined && found.length > def.max) {
            const extra = found[def.max]!;
            report({ messageId: id, data, ...place(extra.range, extra.index, extra.match[0].length) });
          }
        }
        break;
      case 'consistent': {
        const all = units.flatMap((u) => u.ranges);
        const where = candidates(all);
        const [a = [], b = []] = check.patterns.map((_, k) => [...kept(check, k, where[k]!)]);
        if (a.length && b.length) {
          // the form declared right (`preferred`), else the more frequent one, is the majority
          const [minority, majority] = def.preferred === 0 ? [b, a] : def.preferred === 1 ? [a, b] : b.length <= a.length ? [b, a] : [a, b];
          const right = majority[0]!.match[0];
          for (const m of minority) {
            const range = def.preferred === undefined ? null : contiguousSourceRange(m.range.block, m.index, m.index + m.match[0].length);
            report({
              messageId: id,
              data: { match: m.match[0], other: right },
              ...place(m.range, m.index, m.match[0].length),
              ...(range ? { fix: { ...range, text: right } } : {}),
            });
          }
        }
        break;
      }
      case 'requires':
        for (const unit of units) {
          const where = candidates(unit.ranges);
          const first = kept(check, 0, where[0]!).next();
          if (first.done) continue;
          if (!matchesIn(where[1]!, check.patterns[1]!).next().done) continue;
          report({ messageId: id, data: { match: first.value.match[0] }, ...place(first.value.range, first.value.index, first.value.match[0].length) });
        }
        break;
    }
  }
}

/**
 * A `prefer` replacement with $1…, $& and $$ filled from the match where it was found (running
 * the pattern again on the matched text alone would lose its lookahead context).
 */
function expand(template: string, match: PatternMatch): string {
  // as String.prototype.replace reads them: $12 is group 12 when there is one, else $1 then "2"
  return template.replace(/\$(\$|&|\d{1,2})/g, (whole, ref: string) => {
    if (ref === '$') return '$';
    if (ref === '&') return match[0];
    if (ref.length === 2 && Number(ref) < match.length) return match[Number(ref)] ?? '';
    const n = Number(ref[0]);
    if (n === 0 || n >= match.length) return whole;
    return (match[n] ?? '') + ref.slice(1);
  });
}

function runSections(
  check: CompiledCheck,
  doc: DocumentModel,
  found: Map<string, FoundPart>,
  year: number | null,
  report: (r: Omit<Report, 'level'> & { level?: Level }) => void,
): void {
  const def = check.def;
  if (def.type !== 'sections') return;
  const claimed = new Set([...found.values()].flatMap((f) => (f.section ? [f.section.id] : [])));
  check.parts.forEach((part, p) => {
    const name = text(part.def.name);
    const where = found.get(part.def.id);
    if (!where) {
      if (part.def.optional) return;
      const others = check.parts.filter((q) => q !== part).map((q) => text(q.def.name).zh);
      const candidate = closestHeading(doc, name.zh, others, claimed);
      report({
        messageId: `c${check.index}.${candidate ? 'missingNear' : 'missing'}`,
        data: { part: name.zh, ...(candidate ? { candidate: candidate.heading.title } : {}) },
        start: 0,
        end: 0,
        ...(part.def.level ? { level: part.def.level } : {}),
      });
      return;
    }
    const ranges = where.section ? sectionRanges(where.section) : [where.passage!];
    (part.def.contains ?? []).forEach((c, k) => {
      const patterns = part.contains[k]!.patterns;
      if (ranges.some((r) => patterns.some((re) => re.test(r.block.text.slice(r.start, r.end))))) return;
      const anchor = where.section ? where.section.heading : where.passage!.block;
      report({
        messageId: `c${check.index}.p${p}.contains${k}`,
        data: { part: name.zh },
        ...sourceRange(anchor, 0, anchor.text.length),
        ...(c.level ? { level: c.level } : {}),
      });
    });
    if (part.def.yearOffset !== undefined && year !== null && where.section) {
      const expected = year + part.def.yearOffset;
      const heading = where.section.heading;
      for (const m of heading.text.matchAll(/(?<!\d)(\d{4})\s*年/g)) {
        if (Number(m[1]) === expected) continue;
        report({
          messageId: `c${check.index}.year`,
          data: { part: name.zh, expected, found: m[1]! },
          start: sourceOffset(heading, m.index),
          end: sourceEndOffset(heading, m.index + m[0].length),
        });
      }
    }
  });
}

/**
 * relation: group the document's figures by scope unit, bind each name to the first figure in
 * the unit whose label (and unit) match, and where every name is bound, test the condition.
 */
function runRelation(
  check: CompiledCheck,
  doc: DocumentModel,
  facts: WhenData,
  report: (r: Omit<Report, 'level'> & { level?: Level }) => void,
): void {
  const def = check.def;
  if (def.type !== 'relation') return;
  const groups = factsOf(doc).figureGroups(def.scope ?? 'paragraph');
  for (const figures of groups) {
    const bound = new Map<string, (typeof figures)[number]>();
    for (const f of check.figures) {
      // (the unit first: both tests only read, and the unit, one or two characters against an anchored
      // pattern, rejects most figures: 88,000 → 18,000 label tests on the 1,000 bench reports)
      const match = figures.find((x) => (!f.unit || f.unit.test(x.unit ?? '')) && f.label.test(x.label));
      if (!match) break; // a name left unbound: the condition is not tested here
      bound.set(f.name, match);
    }
    if (bound.size !== check.figures.length) continue;
    const values = Object.fromEntries([...bound].map(([name, f]) => [name, f.value]));
    if (jsonLogic.apply(def.condition as never, { ...facts, ...values })) continue;
    const anchor = bound.get(def.at ?? check.figures[0]!.name)!;
    const data: Record<string, string | number> = {};
    for (const [name, f] of bound) {
      data[name] = f.value;
      data[`${name}Label`] = f.label;
      // the figure as the draft writes it, with its own unit (18宗, not 18件)
      data[`${name}Raw`] = f.raw;
      data[`${name}Unit`] = f.writtenUnit ?? '';
    }
    report({ messageId: `c${check.index}`, data, start: anchor.start, end: anchor.end });
  }
}

function unitsFor(doc: DocumentModel, scope: PackScope, headingPattern: Pattern | null, partsOf: () => Map<string, FoundPart>): Unit[] {
  if (scope === 'document') return [{ kind: 'document', ranges: factsOf(doc).documentRanges, section: null }];
  if (scope === 'heading') return headingUnits(doc);
  if (scope === 'paragraph') return paragraphUnits(doc);
  if (scope === 'sentence') return sentenceUnits(doc);
  const { heading, part } = scope.section;
  let sections = doc.allSections;
  if (heading && headingPattern) sections = sections.filter((s) => headingPattern.test(s.heading.title));
  if (part) {
    const found = partsOf().get(part);
    if (!found) return [];
    if (!found.section) return [{ kind: 'section', ranges: [found.passage!], section: null }];
    sections = sections.filter((s) => s === found.section);
  }
  return sections.map((s) => ({ kind: 'section' as const, ranges: sectionRanges(s), section: s }));
}

function place(range: TextRange, index: number, length: number): { start: number; end: number } {
  return sourceRange(range.block, index, index + length);
}
