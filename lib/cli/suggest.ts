/**
 * "Did you mean": the closest known name to a misspelt one. Pure: no I/O.
 *
 * @module
 */

/** The edit distance between two strings (adjacent swaps count as one). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from(
    { length: a.length + 1 },
    (_, i) =>
      Array.from(
        { length: b.length + 1 },
        (_, j) => (i === 0 ? j : j === 0 ? i : 0),
      ),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/**
 * The known name closest to `input`, when it is close enough to be a
 * typing slip (at most a third of its letters off, and at most 3), or the
 * one name it is a unique prefix of; otherwise `undefined`.
 */
export function closest(
  input: string,
  known: readonly string[],
): string | undefined {
  const lower = input.toLowerCase();
  const squash = (s: string) => s.replace(/[-_]/g, "");
  let best: string | undefined;
  let bestScore = Infinity;
  for (const name of known) {
    const score = squash(lower) === squash(name)
      ? 0
      : editDistance(lower, name);
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  const limit = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
  if (best !== undefined && bestScore <= limit) return best;
  const prefixed = known.filter((n) => n.startsWith(lower));
  return lower.length >= 2 && prefixed.length === 1 ? prefixed[0] : undefined;
}
