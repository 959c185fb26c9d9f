import type { DocumentModel, Section } from '../model.js';
import { compilePattern, type Pattern } from '../../pattern.js';
import type { TextRange } from './blocks.js';

/**
 * A part of a report as a pack defines it (rules/*.json, `sections` checks): what finding it
 * needs. The pack's own type (packs/types.ts PackPart) has more fields (name, level, messages).
 */
export interface PartDefinition {
  id: string;
  headings: string[];
  keywords?: string[];
  contains?: Array<{ patterns: string[] }>;
}

export interface CompiledPart<D extends PartDefinition = PartDefinition> {
  def: D;
  headings: Pattern[];
  keywords: Pattern[];
  contains: Array<{ patterns: Pattern[] }>;
}

/** Where a part was found: a section whose heading names it, or a passage that mentions it. */
export interface FoundPart {
  section: Section | null;
  passage: TextRange | null;
}

/** `trusted`: the parts of a built-in pack (see compilePattern). */
export function compileParts<D extends PartDefinition>(parts: readonly D[], trusted = false): CompiledPart<D>[] {
  return parts.map((def) => ({
    def,
    headings: def.headings.map((p) => compilePattern(p, trusted)),
    keywords: (def.keywords ?? []).map((p) => compilePattern(p, trusted)),
    contains: (def.contains ?? []).map((c) => ({ patterns: c.patterns.map((p) => compilePattern(p, trusted)) })),
  }));
}

/**
 * Find each part: first a heading at any level, else a passage (one of `passages`, the document's
 * blocks: factsOf(doc).documentRanges) with one of its keywords.
 */
export function findParts(doc: DocumentModel, parts: readonly CompiledPart[], passages: readonly TextRange[]): Map<string, FoundPart> {
  const found = new Map<string, FoundPart>();
  for (const part of parts) {
    // patterns are tried in the order the pack lists them, most specific first
    let section: Section | null = null;
    for (const re of part.headings) {
      section = doc.allSections.find((s) => re.test(s.heading.title)) ?? null;
      if (section) break;
    }
    if (section) {
      found.set(part.def.id, { section, passage: null });
      continue;
    }
    if (part.keywords.length) {
      // a passage is the part when the draft itself says it, not when it quotes a document whose
      // title holds the words (认真贯彻落实《党政主要负责人履行推进法治建设第一责任人职责规定》)
      const passage = passages.find((r) => part.keywords.some((re) => re.test(withoutTitles(r.block.text))));
      if (passage) found.set(part.def.id, { section: null, passage });
    }
  }
  return found;
}

/** The text with the titles in 《》 blanked out, same length. */
function withoutTitles(text: string): string {
  return text.includes('《') ? text.replace(/《[^《》\n]*》/g, (m) => '\u3000'.repeat(m.length)) : text;
}

/**
 * The heading most like a part's name, for "did you mean". Names in one pack share words
 * (推进法治政府建设 …) that say nothing about which part is meant, so only the character pairs
 * that are the part's own count: a heading is a candidate when it contains at least 40% of them.
 * Headings already found to be another part are not candidates.
 */
export function closestHeading(doc: DocumentModel, name: string, otherNames: string[], claimed: ReadonlySet<number> = new Set()): Section | null {
  const shared = new Set(otherNames.flatMap((n) => [...bigrams(n)]));
  const own = [...bigrams(name)].filter((g) => !shared.has(g));
  if (own.length === 0) return null;
  let best: Section | null = null;
  let bestScore = 0.4;
  for (const s of doc.allSections) {
    if (claimed.has(s.id)) continue;
    const heading = bigrams(s.heading.title);
    const score = own.filter((g) => heading.has(g)).length / own.length;
    if (score >= bestScore && (best === null || score > bestScore)) [best, bestScore] = [s, score];
  }
  return best;
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}\d]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}
