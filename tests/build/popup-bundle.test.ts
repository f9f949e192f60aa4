import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The popup's script is budgeted (under 60 kB, `npm run bench -- bundle`): zod alone would take a third of it.
 * The background checks every request and answer against the protocol's schemas, so the popup needs none
 * (lib/messages/client.ts). This walks the popup's imports (type-only ones erase at build) and says which
 * chain would bring a schema library back.
 */
const ROOT = resolve(__dirname, '../..');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/**
 * The specifiers a file imports for their values: `import type …` and `import { type A, type B }` erase. An
 * `import('…')` counts: the popup's script is one classic file, so what it loads later is inlined in it.
 */
function valueImports(source: string): string[] {
  const found = [...source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((match) => match[1]!);
  const statement = /^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)'|^import\s+'([^']+)'/gm;
  for (const match of source.matchAll(statement)) {
    if (match[4]) {
      found.push(match[4]);
      continue;
    }
    if (match[1]) continue;
    const names = /^\{([^}]*)\}$/.exec(match[2]!.trim())?.[1];
    const allTypes = names !== undefined && names.split(',').map((name) => name.trim()).filter(Boolean).every((name) => name.startsWith('type '));
    if (!allTypes) found.push(match[3]!);
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : undefined;
  if (!base) return undefined;
  return [base, ...EXTENSIONS.map((extension) => base + extension)].find((path) => existsSync(path) && !path.endsWith('/'));
}

/** Every package the entry reaches, with the chain of files that reaches it first. */
function packagesReached(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue: [string, string[]][] = [[join(ROOT, entry), [entry]]];
  while (queue.length > 0) {
    const [file, chain] = queue.shift()!;
    if (seen.has(file) || !/\.tsx?$/.test(file)) continue;
    seen.add(file);
    for (const specifier of valueImports(readFileSync(file, 'utf8'))) {
      const local = resolveLocal(file, specifier);
      if (local) queue.push([local, [...chain, local.slice(ROOT.length + 1)]]);
      else if (!packages.has(specifier)) packages.set(specifier, chain);
    }
  }
  return packages;
}

describe('the popup script', () => {
  it('reaches no schema library (zod stays in the background and the dashboard)', () => {
    const reached = packagesReached('entrypoints/popup-app.tsx');
    const zod = [...reached].filter(([name]) => name === 'zod' || name.startsWith('zod/'));
    expect(zod.map(([name, chain]) => `${name} through ${chain.join(' → ')}`)).toEqual([]);
    // The walk does see the popup's real imports.
    expect([...reached.keys()]).toEqual(expect.arrayContaining(['preact', 'wxt/browser']));
  });
});
