/**
 * The year each sentence of a paragraph is about: the year of its dates, or the year carried
 * from the sentences before it. 2024年，受理案件16宗。办结15宗。 → both sentences are about 2024.
 *
 * - A date after 较/比/与/于 or before 相比 is a comparison (较上年, 比2024年), not what the
 *   sentence is about; quoted dates (《2024年度工作要点》) do not count either.
 * - 今年/去年/明年 are read against the report year N (unknown N: 'mixed').
 * - A range (2021—2025年), or two different years, make the sentence 'mixed'.
 * - `partial`: the sentence names a month, a date or a part of the year (上半年).
 */
import type { Paragraph } from '../model.js';
import { textIndexOf } from '../position.js';
import type { DateMention } from './dates.js';

export interface SentenceYear {
  /** indices into the paragraph's text */
  start: number;
  end: number;
  /** the year the sentence is about: a year, 'mixed' for several, null when unknown */
  year: number | 'mixed' | null;
  /** names a month, a date or a part of the year */
  partial: boolean;
}

/**
 * The sentences of a paragraph with their years (factsOf(document).sentenceYears). `dates` are the
 * paragraph's unquoted date mentions (source offsets), `reportYear` is N or null.
 */
export function sentenceYearsOf(paragraph: Paragraph, dates: readonly DateMention[], reportYear: number | null): SentenceYear[] {
  const text = paragraph.text;
  const placed = dates.map((d) => ({ d, at: textIndexOf(paragraph, d.start) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at);
  const sentences: SentenceYear[] = [];
  let carried: number | 'mixed' | null = null;
  let di = 0;
  for (const sentence of paragraph.sentences) {
    while (di < placed.length && placed[di]!.at < sentence.start) di++;
    if (di >= placed.length || placed[di]!.at >= sentence.end) {
      // no date in the sentence: the year carries on
      sentences.push({ start: sentence.start, end: sentence.end, year: carried, partial: false });
      continue;
    }
    const years = new Set<number | 'mixed'>();
    let partial = false;
    for (let dk = di; dk < placed.length && placed[dk]!.at < sentence.end; dk++) {
      const { d, at } = placed[dk]!;
      // 较上年, 比2024年, 与去年相比: a comparison, not what the sentence is about
      const before = text.slice(Math.max(0, at - 2), at);
      if (/[较比与于]$|相比$/.test(before)) continue;
      if (d.kind === 'range') years.add('mixed');
      else if (d.kind === 'relative') {
        years.add(reportYear === null ? 'mixed' : d.relative === 'last' ? reportYear - 1 : d.relative === 'next' ? reportYear + 1 : reportYear);
      } else if (d.year !== undefined) years.add(d.year);
      if (d.kind === 'date' || d.kind === 'month' || d.kind === 'period') partial = true;
    }
    let year: number | 'mixed' | null = carried;
    if (years.size === 1) year = [...years][0]!;
    else if (years.size > 1) year = 'mixed';
    carried = year;
    sentences.push({ start: sentence.start, end: sentence.end, year, partial });
  }
  return sentences;
}
