import type { Rule } from '../rule.js';
import headingSequence from './heading-sequence.js';
import repeatedWord from './repeated-word.js';

/** Every rule written in code, in the order they run and are listed. */
export const allRules: readonly Rule[] = [repeatedWord, headingSequence] as unknown as readonly Rule[];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
