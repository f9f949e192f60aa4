import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bytes of a fixture in tests/fixtures/feeds, exactly as a server would send them. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/feeds/${name}`, import.meta.url))));
}
