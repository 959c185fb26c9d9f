import type { DocumentModel, Section, TextBlock } from '../document/model.js';
import type { Pattern, PatternMatch } from '../pattern.js';
import type { TextRange } from '../document/facts/blocks.js';

export type { TextRange };

/** What a check looks at, once: a list of text ranges (the texts of one heading, paragraph, sentence, section or the whole document). */
export interface Unit {
  kind: 'document' | 'heading' | 'paragraph' | 'sentence' | 'section';
  ranges: readonly TextRange[];
  /** the section the unit is, or lies in; null before the first heading */
  section: Section | null;
}

const whole = (block: TextBlock): TextRange => ({ block, start: 0, end: block.text.length });

/** The heading and all body text of a section and its subsections. */
export function sectionRanges(section: Section): TextRange[] {
  const out: TextRange[] = [whole(section.heading), ...section.paragraphs.map(whole)];
  for (const child of section.children) out.push(...sectionRanges(child));
  return out;
}

export function headingUnits(doc: DocumentModel): Unit[] {
  const units: Unit[] = doc.title ? [{ kind: 'heading', ranges: [whole(doc.title)], section: null }] : [];
  for (const s of doc.allSections) units.push({ kind: 'heading', ranges: [whole(s.heading)], section: s });
  return units;
}

export function paragraphUnits(doc: DocumentModel): Unit[] {
  return doc.paragraphs.map((p) => ({
    kind: 'paragraph' as const,
    ranges: [whole(p)],
    section: p.sectionId === null ? null : doc.allSections[p.sectionId]!,
  }));
}

export function sentenceUnits(doc: DocumentModel): Unit[] {
  return doc.paragraphs.flatMap((p) =>
    p.sentences.map((s) => ({
      kind: 'sentence' as const,
      ranges: [{ block: p, start: s.start, end: s.end }],
      section: p.sectionId === null ? null : doc.allSections[p.sectionId]!,
    })),
  );
}

/** Every match of a pattern inside the ranges, with the range it was found in (`limit`: per range, see MATCH_LIMIT). */
export function* matchesIn(ranges: readonly TextRange[], re: Pattern, limit?: number): Generator<{ range: TextRange; index: number; match: PatternMatch }> {
  for (const range of ranges) {
    const whole = range.block.text;
    const text = range.start === 0 && range.end === whole.length ? whole : whole.slice(range.start, range.end);
    for (const m of re.matches(text, limit)) yield { range, index: range.start + m.index, match: m };
  }
}
