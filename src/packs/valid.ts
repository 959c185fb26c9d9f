/**
 * Periods of validity (`valid: {from, until}` on a check or an entry) and the date of a report.
 *
 * Formulations change: 「以习近平同志为总书记的党中央」 was the required form until 2016-10-27, so a
 * report of 2014 is right to use it. An entry with a period applies only to a report whose date
 * lies wholly inside the period; a report whose date is not known (no signature date, no report
 * year) gets no finding from it.
 */
import type { DocumentModel } from '../document/model.js';
import { factsOf } from '../document/facts/index.js';
import type { PackValid } from './types.js';

/** Days as YYYYMMDD numbers, which compare as dates. */
export interface DayRange {
  from: number;
  until: number;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `2016` → [20160101, 20161231]; `2016-10` → [20161001, 20161031]; `2016-10-27` → that day. Null when not a real date. */
export function dayRangeOf(text: string): DayRange | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { from: year * 10000 + 101, until: year * 10000 + 1231 };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const base = year * 10000 + month * 100;
  if (m[3] === undefined) return { from: base + 1, until: base + daysIn(year, month) };
  const day = Number(m[3]);
  if (day < 1 || day > daysIn(year, month)) return null;
  return { from: base + day, until: base + day };
}

/** A period as written in a pack, read; a message saying what is wrong otherwise (the caller adds the JSON path). */
export function readValid(valid: PackValid): DayRange | string {
  const from = valid.from === undefined ? null : dayRangeOf(valid.from);
  const until = valid.until === undefined ? null : dayRangeOf(valid.until);
  if (valid.from !== undefined && !from) return `"from": "${valid.from}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`;
  if (valid.until !== undefined && !until) return `"until": "${valid.until}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`;
  const range = { from: from ? from.from : 0, until: until ? until.until : 99991231 };
  if (range.from > range.until) return `"from" (${valid.from}) is after "until" (${valid.until})`;
  return range;
}

/**
 * When the report was written, as closely as the text says: its signature date (成文日期) when
 * it is a real date; else, from the report year N, December of N-1 to June of N+1 (a
 * 政府工作报告 of N is drafted from December N-1 and delivered early in N; an annual report on
 * N is written from December N to the spring of N+1). Null when neither is known.
 */
export function reportPeriod(document: DocumentModel): DayRange | null {
  const facts = factsOf(document);
  const sig = facts.signatureDate;
  if (sig && sig.year !== null) {
    if (sig.valid && sig.month !== null && sig.day !== null) {
      const day = sig.year * 10000 + sig.month * 100 + sig.day;
      return { from: day, until: day };
    }
    if (sig.month !== null && sig.month >= 1 && sig.month <= 12) {
      const base = sig.year * 10000 + sig.month * 100;
      return { from: base + 1, until: base + daysIn(sig.year, sig.month) };
    }
  }
  const year = facts.reportYear?.year;
  if (year === undefined) return null;
  return { from: (year - 1) * 10000 + 1201, until: (year + 1) * 10000 + 630 };
}

/** Whether the report's period lies wholly inside the window (an unknown period: no). */
export function inside(period: DayRange | null, window: DayRange): boolean {
  return period !== null && period.from >= window.from && period.until <= window.until;
}
