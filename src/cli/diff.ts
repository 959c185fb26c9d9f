/**
 * The unified diff that --fix-dry-run prints: a line diff in linear space and bounded time.
 *
 * Lines are numbered (equal lines, equal numbers) and compared as integers. The edit script comes
 * from Myers' linear-space refinement (the "middle snake", divide and conquer; Myers 1986, §4b):
 * O(N+M) memory and O((N+M)·D) time for an exact, minimal diff. Two bounds keep a hostile pair
 * of texts from taking minutes:
 *   - COST_LIMIT: a middle-snake search that passes this many edits stops and splits at the point
 *     it reached furthest (as GNU diff does when a search is "too expensive");
 *   - WORK_LIMIT: once the whole diff has spent this many steps, each part still to do is written
 *     as "delete all, insert all".
 * Either way the diff stays correct (it turns `before` into `after`); it may just be longer than
 * the shortest one.
 */

const KEEP = 0;
const DELETE = 1;
const INSERT = 2;

/** Edits a single middle-snake search may go to before it settles for a heuristic split. */
const COST_LIMIT_MIN = 256;
/** Steps (diagonal moves and line comparisons) the whole diff may take before it stops searching. */
const WORK_LIMIT = 50_000_000;

/**
 * Lines as diff and patch see them: split after each \n, a \r kept as part of the line
 * (so that the diff of a CRLF file applies to it; a file with lone CR line ends is one line).
 */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) break;
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** An edit script: kinds[i] is KEEP, DELETE or INSERT; index[i] the line in a (KEEP, DELETE) or b (INSERT). */
export interface EditScript {
  length: number;
  kinds: Uint8Array;
  index: Int32Array;
}

export const EDIT = { KEEP, DELETE, INSERT } as const;

/** A line diff of a and b (see the file comment for its bounds). */
export function diffLines(a: readonly string[], b: readonly string[], limits: { work?: number; cost?: number } = {}): EditScript {
  const n = a.length;
  const m = b.length;
  // number the lines: equal text, equal number
  const ids = new Map<string, number>();
  const A = new Int32Array(n);
  const B = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    let id = ids.get(a[i]!);
    if (id === undefined) ids.set(a[i]!, (id = ids.size));
    A[i] = id;
  }
  for (let j = 0; j < m; j++) {
    let id = ids.get(b[j]!);
    if (id === undefined) ids.set(b[j]!, (id = ids.size));
    B[j] = id;
  }
  ids.clear();

  const kinds = new Uint8Array(n + m);
  const index = new Int32Array(n + m);
  let length = 0;
  const emit = (kind: number, at: number) => {
    kinds[length] = kind;
    index[length++] = at;
  };

  const size = n + m + 2;
  const vf = new Int32Array(2 * size + 1);
  const vb = new Int32Array(2 * size + 1);
  const offset = size;
  const costLimit = limits.cost ?? Math.max(COST_LIMIT_MIN, Math.ceil(Math.sqrt(n + m)));
  let work = limits.work ?? WORK_LIMIT;

  // The parts still to do, last first. A task is four numbers: a0, a1, b0, b1 of a range to
  // diff, or (-1 - a0), length, b0, 0 for a run of equal lines to keep.
  const stack: number[] = [0, n, 0, m];
  const snake = [0, 0, 0, 0];
  while (stack.length > 0) {
    const b1 = stack.pop()!;
    let b0 = stack.pop()!;
    let a1 = stack.pop()!;
    let a0 = stack.pop()!;
    if (a0 < 0) {
      for (let i = -1 - a0, end = i + a1; i < end; i++) emit(KEEP, i);
      continue;
    }
    let bEnd = b1;
    // common head and tail
    while (a0 < a1 && b0 < bEnd && A[a0] === B[b0]) emit(KEEP, a0++), b0++;
    let tail = 0;
    while (a0 < a1 - tail && b0 < bEnd - tail && A[a1 - 1 - tail] === B[bEnd - 1 - tail]) tail++;
    if (tail > 0) {
      stack.push(-1 - (a1 - tail), tail, bEnd - tail, 0);
      a1 -= tail;
      bEnd -= tail;
    }
    if (a0 === a1 || b0 === bEnd || work <= 0) {
      for (let i = a0; i < a1; i++) emit(DELETE, i);
      for (let j = b0; j < bEnd; j++) emit(INSERT, j);
      continue;
    }
    middleSnake(a0, a1, b0, bEnd);
    const [x, y, u, v] = snake as [number, number, number, number];
    if ((x === a0 && y === b0 && u === a1 && v === bEnd) || (u === a0 && v === b0) || (x === a1 && y === bEnd)) {
      // no progress (cannot happen after trimming; kept as a guard against looping)
      for (let i = a0; i < a1; i++) emit(DELETE, i);
      for (let j = b0; j < bEnd; j++) emit(INSERT, j);
      continue;
    }
    stack.push(u, a1, v, bEnd);
    if (u > x) stack.push(-1 - x, u - x, y, 0);
    stack.push(a0, x, b0, y);
  }
  groupChanges(kinds, index, length);
  return { length, kinds, index };

  /**
   * Sets `snake` to [x, y, u, v]: the middle snake of an optimal path from (a0, b0) to (a1, b1),
   * from (x, y) to (u, v); or, past the cost limit, an empty snake at the furthest point reached.
   */
  function middleSnake(a0: number, a1: number, b0: number, b1: number): void {
    const N = a1 - a0;
    const M = b1 - b0;
    const delta = N - M;
    const odd = (delta & 1) !== 0;
    const maxD = Math.ceil((N + M) / 2);
    vf[offset + 1] = 0;
    vb[offset + 1] = 0;
    for (let d = 0; d <= maxD; d++) {
      if (d > costLimit || work <= 0) {
        // too expensive: split at the forward point that got furthest (ties: nearest the middle diagonal)
        let bestX = -1;
        let bestScore = -1;
        let bestK = 0;
        const dd = d - 1;
        for (let k = -dd; k <= dd; k += 2) {
          const x = vf[offset + k]!;
          const y = x - k;
          if (x > N || y < 0 || y > M) continue;
          const score = x + y;
          if (score > bestScore || (score === bestScore && Math.abs(k) < Math.abs(bestK))) {
            bestScore = score;
            bestX = x;
            bestK = k;
          }
        }
        if (bestX < 0) {
          // nothing usable: the caller writes this part as delete all, insert all
          snake[0] = a0;
          snake[1] = b0;
          snake[2] = a0;
          snake[3] = b0;
          return;
        }
        const x = a0 + bestX;
        const y = b0 + bestX - bestK;
        snake[0] = x;
        snake[1] = y;
        snake[2] = x;
        snake[3] = y;
        return;
      }
      work -= d + 1;
      // forward
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && vf[offset + k - 1]! < vf[offset + k + 1]!) ? vf[offset + k + 1]! : vf[offset + k - 1]! + 1;
        let y = x - k;
        const sx = x;
        const sy = y;
        while (x < N && y < M && A[a0 + x] === B[b0 + y]) x++, y++;
        work -= x - sx;
        vf[offset + k] = x;
        const kb = delta - k;
        if (odd && kb >= -(d - 1) && kb <= d - 1 && x + vb[offset + kb]! >= N) {
          snake[0] = a0 + sx;
          snake[1] = b0 + sy;
          snake[2] = a0 + x;
          snake[3] = b0 + y;
          return;
        }
      }
      // backward (on the reversed sequences)
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && vb[offset + k - 1]! < vb[offset + k + 1]!) ? vb[offset + k + 1]! : vb[offset + k - 1]! + 1;
        let y = x - k;
        const sx = x;
        const sy = y;
        while (x < N && y < M && A[a1 - 1 - x] === B[b1 - 1 - y]) x++, y++;
        work -= x - sx;
        vb[offset + k] = x;
        const kf = delta - k;
        if (!odd && kf >= -d && kf <= d && x + vf[offset + kf]! >= N) {
          snake[0] = a0 + N - x;
          snake[1] = b0 + M - y;
          snake[2] = a0 + N - sx;
          snake[3] = b0 + M - sy;
          return;
        }
      }
    }
    // unreachable: the searches meet by d = ceil((N+M)/2)
    snake[0] = a0;
    snake[1] = b0;
    snake[2] = a0;
    snake[3] = b0;
  }
}

/**
 * Within each run of changes between two kept lines, the deletions first and then the insertions
 * (each in order), as diff -u prints them; a split past the cost limit may have interleaved them.
 */
function groupChanges(kinds: Uint8Array, index: Int32Array, length: number): void {
  const inserts: number[] = [];
  let i = 0;
  while (i < length) {
    if (kinds[i] === KEEP) {
      i++;
      continue;
    }
    let end = i;
    while (end < length && kinds[end] !== KEEP) end++;
    let w = i;
    inserts.length = 0;
    for (let j = i; j < end; j++) {
      if (kinds[j] === DELETE) index[w++] = index[j]!;
      else inserts.push(index[j]!);
    }
    kinds.fill(DELETE, i, w);
    kinds.fill(INSERT, w, end);
    for (const at of inserts) index[w++] = at;
    i = end;
  }
}

/**
 * A unified diff (`diff -u`, `git apply`-able with the a/ b/ prefixes) of two texts;
 * empty when they are equal. `name` is the path shown in the ---/+++ lines.
 */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const script = diffLines(a, b);
  const { kinds, index } = script;
  const count = script.length;
  const out: string[] = [`--- a/${name}`, `+++ b/${name}`];
  const lineOf = (j: number) => (kinds[j] === INSERT ? b[index[j]!]! : a[index[j]!]!);
  // line numbers before op j, advanced as the hunks move forward
  let pos = 0;
  let aLine = 1;
  let bLine = 1;
  const advanceTo = (j: number) => {
    for (; pos < j; pos++) {
      if (kinds[pos] !== INSERT) aLine++;
      if (kinds[pos] !== DELETE) bLine++;
    }
  };
  let i = 0;
  while (i < count && kinds[i] === KEEP) i++;
  while (i < count) {
    // grow a hunk while the next change is within 2×context lines
    let last = i;
    for (;;) {
      let next = last + 1;
      while (next < count && kinds[next] === KEEP) next++;
      if (next < count && next - last <= 2 * context) last = next;
      else break;
    }
    const from = Math.max(0, i - context);
    const to = Math.min(count - 1, last + context);
    advanceTo(from);
    let aCount = 0;
    let bCount = 0;
    const body: string[] = [];
    for (let j = from; j <= to; j++) {
      const kind = kinds[j]!;
      if (kind !== INSERT) aCount++;
      if (kind !== DELETE) bCount++;
      const line = lineOf(j);
      const content = line.endsWith('\n') ? line.slice(0, -1) : line;
      body.push((kind === KEEP ? ' ' : kind === DELETE ? '-' : '+') + content);
      if (content.length === line.length) body.push('\\ No newline at end of file');
    }
    const range = (start: number, n: number) => (n === 0 ? `${start - 1},0` : n === 1 ? `${start}` : `${start},${n}`);
    out.push(`@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@`);
    for (const line of body) out.push(line);
    i = last + 1;
    while (i < count && kinds[i] === KEEP) i++;
  }
  return out.join('\n') + '\n';
}
