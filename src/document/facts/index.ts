/** The facts of a document: figures, dates, the report year, the plan section, the report type. */
export * from './numbers.js';
export * from './figures.js';
export * from './dates.js';
export * from './report-year.js';
export { nameRanges, RangeSet, factBlocks, sourceRange, type FactBlock, type BlockPlace } from './blocks.js';
