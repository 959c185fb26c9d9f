/**
 * What kind of input a file is, decided from its name in this one place: a Word document
 * (read with mammoth, placed by paragraph, never rewritten), Markdown, or plain text (anything
 * else). The engine records the kind on each LintResult, so a formatter never guesses.
 */
export type InputKind = 'docx' | 'markdown' | 'text';

export function inputKindOf(file: string): InputKind {
  if (/\.docx$/i.test(file)) return 'docx';
  if (/\.(md|markdown|mdown|mkd)$/i.test(file)) return 'markdown';
  return 'text';
}
