/**
 * A bounded pool for running independent asynchronous work in parallel.
 *
 * @module
 */

import { availableParallelism } from "node:os";
import process from "node:process";

/**
 * The default number of tasks in flight: enough to keep the disk and git
 * busy while one process waits, bounded so hundreds of worktrees never mean
 * hundreds of git processes at once. `MPM_CONCURRENCY` overrides it.
 */
export function defaultConcurrency(): number {
  const fromEnv = Number(process.env.MPM_CONCURRENCY);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.min(16, Math.max(4, availableParallelism() * 3));
}

/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping
 * the order of the input in the result.
 */
export async function mapPool<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
  limit: number = defaultConcurrency(),
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  }
  const workers = Array.from(
    { length: Math.min(Math.max(1, limit), items.length) },
    () => worker(),
  );
  await Promise.all(workers);
  return results;
}
