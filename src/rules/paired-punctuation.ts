import type { DocumentModel, TextBlock } from '../document/model.js';
import { sourceOffset } from '../document/position.js';
import { defineMeta, defineRule, type ContextOf, type MessageIdsOf, type OptionsOf } from '../rule.js';
import { factsOf } from '../document/facts/index.js';
import type { LineBlock } from '../document/text.js';

/**
 * paired-punctuation: paired marks (GB/T 15834 标号) must balance within a paragraph: “ ” ‘ ’
 * 《 》 〈 〉 （ ） 【 】 〔 〕 「 」 『 』, and the half-width ( ) of NFKC-folded drafts (which pair
 * with （ ） too: width is punctuation-width's business). It reports an opener never closed, a
 * closer with no opener, marks that cross (《…“…》…”), and wrong nesting: quotes inside quotes
 * take single quotes (“…‘…’…”), 书名号 inside 书名号 take 〈〉 (《…〈…〉…》).
 *
 * Not reported: a quotation that runs over several paragraphs, where each paragraph opens with “
 * and only the last one closes (the Chinese convention); a list marker such as "1)" or "a）";
 * an apostrophe (it’s); marks inside URLs and code. Nothing is fixed: where the missing mark
 * belongs is a guess.
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;
type MessageId = MessageIdsOf<typeof meta>;

export const meta = defineMeta({
  id: 'paired-punctuation',
  description: {
    zh: '成对标点（“” ‘’ 《》 （） 【】 〔〕）须配对，且不得交叉或错误嵌套',
    en: 'Paired marks (“” ‘’ 《》 （） 【】 〔〕) must balance and nest properly',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: false,
  options: {
    halfWidthParens: {
      description: 'Balance the half-width brackets ( ) too (they pair with full-width ones).',
      type: 'boolean',
      default: true,
    },
    multiParagraphQuotes: {
      description: 'Accept an unclosed “ at the end of a paragraph when the next paragraph opens with “ (a quotation that runs over several paragraphs).',
      type: 'boolean',
      default: true,
    },
    nesting: {
      description: 'Report wrong nesting: “ inside “ (the inner pair should be ‘’), 《 inside 《 (should be 〈〉), “ inside ‘ and 《 inside 〈.',
      type: 'boolean',
      default: true,
    },
  },
  defaultOptions: { halfWidthParens: true, multiParagraphQuotes: true, nesting: true },
  messages: {
    unclosed: {
      zh: '「{{mark}}」没有配对的「{{pair}}」',
      en: '"{{mark}}" is never closed by "{{pair}}"',
    },
    unopened: {
      zh: '「{{mark}}」前面没有配对的「{{pair}}」',
      en: '"{{mark}}" closes a "{{pair}}" that was never opened',
    },
    crossed: {
      zh: '标点交叉：「{{other}}」在「{{pair}}」之后打开，却没有在「{{mark}}」之前闭合',
      en: 'Crossed marks: "{{other}}" opens after "{{pair}}" but is not closed before "{{mark}}"',
    },
    nested: {
      zh: '「{{outer}}」里面又用了「{{inner}}」：里面一层应改用「{{expected}}」',
      en: '"{{inner}}" inside "{{outer}}": the inner pair should be "{{expected}}"',
    },
    order: {
      zh: '「{{outer}}」里面套用了「{{inner}}」：外面一层应用「{{expected}}」，里面一层用「{{outer}}」',
      en: '"{{inner}}" inside "{{outer}}": the outer pair should be "{{expected}}" and the inner one "{{outer}}"',
    },
  },
  tags: ['punctuation', 'GB/T 15834'],
});

type Kind = 'dquote' | 'squote' | 'book' | 'subbook' | 'paren' | 'lenticular' | 'tortoise' | 'corner' | 'wcorner';

const OPEN: Record<string, Kind> = {
  '“': 'dquote', '‘': 'squote', '《': 'book', '〈': 'subbook', '（': 'paren', '(': 'paren',
  '【': 'lenticular', '〔': 'tortoise', '「': 'corner', '『': 'wcorner',
};
const CLOSE: Record<string, Kind> = {
  '”': 'dquote', '’': 'squote', '》': 'book', '〉': 'subbook', '）': 'paren', ')': 'paren',
  '】': 'lenticular', '〕': 'tortoise', '」': 'corner', '』': 'wcorner',
};
const PAIR: Record<string, string> = {
  '“': '”', '‘': '’', '《': '》', '〈': '〉', '（': '）', '(': ')', '【': '】', '〔': '〕', '「': '」', '『': '』',
  '”': '“', '’': '‘', '》': '《', '〉': '〈', '）': '（', ')': '(', '】': '【', '〕': '〔', '」': '「', '』': '『',
};
/** The pair to use one level in: “ → ‘, 《 → 〈 */
const INNER: Partial<Record<Kind, { kind: Kind; marks: string }>> = {
  dquote: { kind: 'squote', marks: '‘’' },
  book: { kind: 'subbook', marks: '〈〉' },
};
/** Each mark by its UTF-16 code: the mark (one shared string), its kind, and whether it opens. */
const MARK_BY_CODE = new Map<number, { mark: string; kind: Kind; opens: boolean }>([
  ...Object.entries(OPEN).map(([mark, kind]) => [mark.charCodeAt(0), { mark, kind, opens: true }] as const),
  ...Object.entries(CLOSE).map(([mark, kind]) => [mark.charCodeAt(0), { mark, kind, opens: false }] as const),
]);
/** Every paired mark, and the same without the half-width ( ): the scan jumps from one to the next. */
const ANY_MARK = /[“‘《〈（(【〔「『”’》〉）)】〕」』]/g;
const ANY_MARK_BUT_HALF_PARENS = /[“‘《〈（【〔「『”’》〉）】〕」』]/g;

function isLatinAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN outside the text
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A character of a list marker ("1)" "a）" "一)"), and what may stand before the marker. */
const LIST_MARKER_CHAR = /[0-9A-Za-z一二三四五六七八九十]/;
const LIST_MARKER_BEFORE = /[\s。；;，,：:、]/;

/**
 * Whether the bracket at text[i] closes a list marker: one or two marker characters right before
 * it, at the start of the text or after a space or a point mark. Looks at three characters at
 * most, not at the whole text before i.
 */
function closesListMarker(text: string, i: number): boolean {
  for (let k = 1; k <= 2 && i - k >= 0; k++) {
    if (!LIST_MARKER_CHAR.test(text[i - k]!)) return false;
    const before = i - k - 1;
    if (before < 0 || LIST_MARKER_BEFORE.test(text[before]!)) return true;
  }
  return false;
}

interface Open {
  mark: string;
  kind: Kind;
  start: number;
  /** the count of pairs opened before it on this line: its place in the order of opening */
  seq: number;
  /** closed or removed while others above it stayed open (the stack drops it lazily) */
  gone: boolean;
  /** pairs opened inside this one that nest wrongly (“ inside “, “ inside ‘) */
  wrongInside: Array<{ messageId: 'nested' | 'order'; mark: string; start: number; expected: string }>;
}

export function check(ctx: Context): void {
  const { document, options } = ctx;
  const halfParens = options.halfWidthParens !== false;
  const multi = options.multiParagraphQuotes !== false;
  const nesting = options.nesting !== false;
  const lines = factsOf(document).lineBlocks;
  /**
   * The open pairs, innermost last. A pair removed from the middle (crossed) is only marked gone,
   * and the kinds' own stacks find the innermost of a kind at once: no scan of the whole stack
   * per mark (50,000 unclosed “ would make that quadratic).
   */
  let stack: Open[] = [];
  let byKind = new Map<Kind, Open[]>();
  /** crossings since the stack was last emptied: when, and the seq of the pair removed */
  let crossings: Array<{ at: number; removed: number }> = [];
  let seq = 0;

  lines.forEach((line, b) => {
    scan(line);
    const block = line.block;
    const next = lines[b + 1]?.block;
    dropGone();
    if (stack.length === 0) {
      crossings = [];
      return;
    }
    // a Markdown paragraph wrapped over several lines: carry on into the next line
    if (next && document.format === 'markdown' && sameParagraph(document, block, next)) return;
    const crossed = crossedPairs();
    let open = stack.filter((o) => !o.gone);
    // a quotation of several paragraphs: each opens with “, only the last closes
    if (multi && next && next.text.startsWith('“')) {
      open = open.filter((o) => o.kind !== 'dquote');
    }
    for (const o of open) {
      if (!crossed.has(o)) report('unclosed', o.start, o.mark.length, { mark: o.mark, pair: PAIR[o.mark]! });
    }
    stack = [];
    byKind = new Map();
    crossings = [];
  });

  /**
   * The open pairs already reported as crossed (not reported again as unclosed): those above a
   * pair that a crossing removed, i.e. opened before the crossing and after the removed pair.
   */
  function crossedPairs(): Set<Open> {
    const crossed = new Set<Open>();
    if (crossings.length === 0) return crossed;
    // from the innermost pair out, with the least removed seq among crossings after its opening
    let c = crossings.length - 1;
    let least = Infinity;
    for (let k = stack.length - 1; k >= 0; k--) {
      const o = stack[k]!;
      while (c >= 0 && crossings[c]!.at > o.seq) least = Math.min(least, crossings[c--]!.removed);
      if (!o.gone && least < o.seq) crossed.add(o);
    }
    return crossed;
  }

  /** drop the pairs marked gone from the top of the stack */
  function dropGone(): void {
    while (stack.length > 0 && stack[stack.length - 1]!.gone) stack.pop();
  }

  function report(messageId: MessageId, start: number, length: number, data: Record<string, string>): void {
    ctx.report({ messageId, data, start, end: start + length });
  }

  function scan({ block, mask }: LineBlock): void {
    const text = block.text;
    const marks = halfParens ? ANY_MARK : ANY_MARK_BUT_HALF_PARENS;
    // test() and lastIndex rather than exec(): no match object (nor a string) for each mark
    marks.lastIndex = 0;
    while (marks.test(text)) {
      const i = marks.lastIndex - 1;
      if (mask?.[i]) continue;
      const { mark: c, kind, opens } = MARK_BY_CODE.get(text.charCodeAt(i))!;
      if (opens) {
        if (c === '‘' && isLatinAt(text, i - 1) && isLatinAt(text, i + 1)) continue;
        const o: Open = { mark: c, kind, start: sourceOffset(block, i), seq: seq++, gone: false, wrongInside: [] };
        const inner = INNER[kind];
        if (nesting && inner) {
          // “ inside an open “ (the inner pair should be ‘’), 《 inside 《 (should be 〈〉)
          const same = innermost(kind);
          // “ inside an open ‘, 《 inside 〈: the two layers are the wrong way round
          const flipped = same ? undefined : innermost(inner.kind);
          if (same) same.wrongInside.push({ messageId: 'nested', mark: c, start: o.start, expected: inner.marks });
          else if (flipped) flipped.wrongInside.push({ messageId: 'order', mark: c, start: o.start, expected: `${c}${PAIR[c]}` });
        }
        stack.push(o);
        kindStack(kind).push(o);
        continue;
      }
      // an apostrophe: it’s, Xi’an
      if (c === '’' && isLatinAt(text, i - 1) && isLatinAt(text, i + 1)) continue;
      dropGone();
      const top = stack[stack.length - 1];
      if (top && top.kind === kind) {
        stack.pop();
        kindStack(kind).pop();
        close(top);
        continue;
      }
      const opener = innermost(kind);
      if (opener) {
        // 《…“…》: the “ opened inside is still open
        const other = stack[stack.length - 1]!;
        report('crossed', sourceOffset(block, i), 1, { mark: c, pair: opener.mark, other: other.mark });
        crossings.push({ at: seq, removed: opener.seq });
        opener.gone = true;
        kindStack(kind).pop();
        continue;
      }
      if ((c === ')' || c === '）') && closesListMarker(text, i)) continue;
      report('unopened', sourceOffset(block, i), 1, { mark: c, pair: PAIR[c]! });
    }
  }

  /** The innermost open pair of this kind, if any. */
  function innermost(kind: Kind): Open | undefined {
    const own = byKind.get(kind);
    return own?.[own.length - 1];
  }

  function kindStack(kind: Kind): Open[] {
    let own = byKind.get(kind);
    if (!own) byKind.set(kind, (own = []));
    return own;
  }

  /** A pair closed properly: now the wrong nesting inside it is certain. */
  function close(o: Open): void {
    for (const w of o.wrongInside) {
      report(w.messageId, w.start, 1, { outer: `${o.mark}${PAIR[o.mark]}`, inner: w.mark, expected: w.expected });
    }
  }
}

/** Two Markdown blocks on consecutive lines with nothing but a line break (and > or indentation) between. */
function sameParagraph(document: DocumentModel, a: TextBlock, b: TextBlock): boolean {
  if (b.span.start.line !== a.span.end.line + 1) return false;
  const gap = document.source.slice(a.span.end.offset, b.span.start.offset);
  return /^[ \t]*(?:\r\n|\r|\n)[ \t>]*$/.test(gap);
}

export default defineRule({ meta, check });
