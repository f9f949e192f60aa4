import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '../fixtures/monitors');

export const fixtureText = (name: string): string => readFileSync(join(DIR, name), 'utf8');
export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, name)));
