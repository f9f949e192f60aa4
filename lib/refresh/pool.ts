/**
 * Runs tasks with at most `concurrency` in flight, starting the next as soon as one ends (not in batches),
 * so that one slow source delays no other. A task's failure is its own: the pool never rejects.
 */
export async function runPool<T, R>(
  tasks: readonly T[],
  concurrency: number,
  run: (task: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await run(tasks[index] as T) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
  return results;
}
