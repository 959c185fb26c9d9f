import type { Rule } from '../rule.js';
import headingSequence from './heading-sequence.js';
import repeatedWord from './repeated-word.js';
import punctuationWidth from './punctuation-width.js';
import straySpace from './stray-space.js';
import doubledPunctuation from './doubled-punctuation.js';
import pairedPunctuation from './paired-punctuation.js';
import personalInfo from './personal-info.js';
import previousShortcomings from './previous-shortcomings.js';
import dateValidity from './date-validity.js';
import relativeTime from './relative-time.js';
import figureConsistency from './figure-consistency/index.js';
import tableTotal from './table-total.js';
import numberUsage from './number-usage.js';
import invisibleCharacter from './invisible-character.js';
import lawCitation from './law-citation.js';
import protectedName from './protected-name.js';
import templateResidue from './template-residue.js';

/** Every rule written in code, in the order they run and are listed. */
export const allRules: readonly Rule[] = [repeatedWord, headingSequence, punctuationWidth, straySpace, doubledPunctuation, pairedPunctuation, personalInfo, previousShortcomings, dateValidity, relativeTime, figureConsistency, tableTotal, numberUsage, invisibleCharacter, lawCitation, protectedName, templateResidue];

