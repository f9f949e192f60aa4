import { describe, expect, it } from 'vitest';
import { runPool } from '../../lib/refresh/pool';

interface Deferred {
  promise: Promise<string>;
  resolve: (value: string) => void;
  reject: (reason: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: (value: string) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Tasks whose ends the test decides, recording which started and how many run at once. */
function controlledTasks(names: readonly string[]) {
  const pending = new Map(names.map((name) => [name, deferred()]));
  const started: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const run = async (name: string) => {
    started.push(name);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await pending.get(name)!.promise;
    } finally {
      inFlight--;
    }
  };
  return {
    run,
    started,
    finish: (name: string) => pending.get(name)!.resolve(`done ${name}`),
    fail: (name: string, reason: unknown) => pending.get(name)!.reject(reason),
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

describe('runPool', () => {
  it('never runs more than `concurrency` tasks at once', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `t${i}`);
    let inFlight = 0;
    let maxInFlight = 0;
    const results = await runPool(names, 3, async (name) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Uneven durations, so that tasks end out of order.
      await new Promise((resolve) => setTimeout(resolve, (Number(name.slice(1)) * 7) % 5));
      inFlight--;
      return name.toUpperCase();
    });
    expect(maxInFlight).toBe(3);
    expect(results).toEqual(names.map((name) => ({ status: 'fulfilled', value: name.toUpperCase() })));
  });

  it('starts the next task as soon as one ends, not when the whole batch has', async () => {
    const tasks = controlledTasks(['slow', 'fast', 'third', 'fourth']);
    const pool = runPool(['slow', 'fast', 'third', 'fourth'], 2, tasks.run);
    await settle();
    expect(tasks.started).toEqual(['slow', 'fast']);

    tasks.finish('fast');
    await settle();
    // `slow` is still running, yet `third` has taken the free slot.
    expect(tasks.started).toEqual(['slow', 'fast', 'third']);
    expect(tasks.inFlight).toBe(2);

    tasks.finish('third');
    await settle();
    expect(tasks.started).toEqual(['slow', 'fast', 'third', 'fourth']);

    tasks.finish('fourth');
    tasks.finish('slow');
    expect((await pool).map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(tasks.maxInFlight).toBe(2);
  });

  it('records a rejected task as its own result, never rejecting the pool, and goes on with the others', async () => {
    const tasks = controlledTasks(['a', 'b', 'c']);
    const pool = runPool(['a', 'b', 'c'], 1, tasks.run);
    await settle();
    const failure = new Error('boom');
    tasks.fail('a', failure);
    await settle();
    expect(tasks.started).toEqual(['a', 'b']);
    tasks.finish('b');
    await settle();
    tasks.finish('c');
    expect(await pool).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'fulfilled', value: 'done b' },
      { status: 'fulfilled', value: 'done c' },
    ]);
  });

  it('treats a task that throws synchronously like one that rejects', async () => {
    const results = await runPool([1, 2], 2, (n) => {
      if (n === 1) throw new Error('sync');
      return Promise.resolve(n);
    });
    expect(results[0]).toMatchObject({ status: 'rejected', reason: new Error('sync') });
    expect(results[1]).toEqual({ status: 'fulfilled', value: 2 });
  });

  it('returns [] for no task, and copes with a concurrency larger than the task count', async () => {
    expect(await runPool([], 4, async () => 1)).toEqual([]);
    expect(await runPool(['x'], 16, async (x) => x)).toEqual([{ status: 'fulfilled', value: 'x' }]);
  });
});
