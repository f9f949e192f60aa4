import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { FeedError } from '../../lib/model/feed-error';

/** The bytes of a fixture in tests/fixtures/feeds, exactly as a server would send them. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/feeds/${name}`, import.meta.url))));
}

/** The FeedError that `run` throws or rejects with; fails the test when there is none. */
export async function feedErrorOf(run: () => unknown): Promise<FeedError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a FeedError, got a result');
}
