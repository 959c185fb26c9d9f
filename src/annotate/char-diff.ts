/**
 * The changes between a paragraph and its fixed text, as few and as small as can be: Myers'
 * O((N+M)D) difference over code points (a fix changes a few characters of a paragraph, so D is
 * small). Each hunk replaces old[from, to) (UTF-16 offsets) by `text`; hunks are in order and
 * only characters replaced one for one give hunks that touch.
 */
export interface Hunk {
  from: number;
  to: number;
  text: string;
}

export function charHunks(before: string, after: string): Hunk[] {
  if (before === after) return [];
  const a = Array.from(before);
  const b = Array.from(after);
  // offsets of each code point in UTF-16 units
  const offA = offsets(a);
  const offB = offsets(b);
  const script = editScript(a, b);
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k <= script.length; k++) {
    const op = script[k];
    if (op === '=' || op === undefined) {
      if (op === '=') {
        i++;
        j++;
      }
      continue;
    }
    // a run of deletions and insertions
    const i0 = i;
    const j0 = j;
    while (k < script.length && script[k] !== '=') {
      if (script[k] === '-') i++;
      else j++;
      k++;
    }
    k--;
    if (i - i0 === j - j0 && i - i0 > 1) {
      // characters replaced one for one (「),」→「），」): one change each, so each finding has its own
      for (let n = 0; n < i - i0; n++) hunks.push({ from: offA[i0 + n]!, to: offA[i0 + n + 1]!, text: after.slice(offB[j0 + n]!, offB[j0 + n + 1]!) });
    } else hunks.push({ from: offA[i0]!, to: offA[i]!, text: after.slice(offB[j0]!, offB[j]!) });
  }
  return hunks;
}

/**
 * Pair the paragraphs of a text with those of its fixed text when a fix added or removed a
 * paragraph break: equal paragraphs and runs of as many changed paragraphs on both sides pair up
 * one for one; each run where the counts differ is returned apart (indexes into `before`,
 * inclusive; `first > last` when paragraphs were only added).
 */
export function pairParagraphs(before: string[], after: string[]): { pairs: Array<[number, string]>; unpaired: Array<{ first: number; last: number }> } {
  const script = editScript(before, after);
  const pairs: Array<[number, string]> = [];
  const unpaired: Array<{ first: number; last: number }> = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k < script.length;) {
    if (script[k] === '=') {
      pairs.push([i++, after[j++]!]);
      k++;
      continue;
    }
    const i0 = i;
    const j0 = j;
    while (k < script.length && script[k] !== '=') {
      if (script[k] === '-') i++;
      else j++;
      k++;
    }
    if (i - i0 === j - j0) for (let n = 0; n < i - i0; n++) pairs.push([i0 + n, after[j0 + n]!]);
    else unpaired.push({ first: i0, last: i - 1 });
  }
  return { pairs, unpaired };
}

function offsets(cps: string[]): number[] {
  const out = [0];
  for (const c of cps) out.push(out[out.length - 1]! + c.length);
  return out;
}

/** '=' keep, '-' delete from a, '+' insert from b, in order. */
function editScript(a: string[], b: string[]): string[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // walk back through the saved frontiers
  const script: string[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      script.push('=');
      x--;
      y--;
    }
    if (d > 0) script.push(x === prevX ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  return script.reverse();
}
