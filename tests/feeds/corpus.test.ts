import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { readFeed } from '../../lib/feeds/pipeline';
import { FeedError } from '../../lib/model/feed-error';

/**
 * The shared corpus of real feeds lives beside the repository, not in it: these tests run only where it is
 * present, and check each file against its manifest (expected outcome and item count).
 */
const CORPUS = fileURLToPath(new URL('../../../shared/feed-corpus/', import.meta.url));
const MANIFEST = `${CORPUS}MANIFEST.tsv`;

interface CorpusRow {
  filename: string;
  outcome: string;
  /** What Vigie must produce: the manifest's count, or its count of unique guids when it gives one. */
  expectedItems: number;
  shouldParse: boolean;
}

function readManifest(): CorpusRow[] {
  const [header, ...lines] = readFileSync(MANIFEST, 'utf8').split('\n').filter((line) => line.trim());
  const columns = (header ?? '').split('\t');
  const column = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  return lines.map((line) => {
    const cells = line.split('\t');
    const outcome = column(cells, 'expected_outcome');
    const unique = outcome.match(/\((\d+) unique guids\)/)?.[1];
    return {
      filename: column(cells, 'filename'),
      outcome,
      expectedItems: Number(unique ?? column(cells, 'expected_item_count')),
      // "strict XML: FAIL …; lenient: PARSE …" rows are for a lenient reader, which Vigie's pipeline is.
      shouldParse: /(^|lenient[^:;]*:\s*)PARSE\b/.test(outcome),
    };
  });
}

const rows = existsSync(MANIFEST) ? readManifest() : [];

describe.skipIf(!existsSync(MANIFEST))('shared feed corpus', () => {
  it('lists every corpus file in the manifest, and only existing files', () => {
    const files = readdirSync(CORPUS).filter((name) => name !== 'MANIFEST.tsv').sort();
    expect(rows.map((row) => row.filename).sort()).toEqual(files);
  });

  for (const row of rows) {
    it(`${row.filename}: ${row.shouldParse ? `PARSE ${row.expectedItems} items` : 'FAIL'}`, async () => {
      const bytes = new Uint8Array(readFileSync(`${CORPUS}${row.filename}`));
      const reading = readFeed(bytes, { url: 'https://corpus.example/feed' });
      if (!row.shouldParse) {
        const error = await reading.then(() => undefined, (caught: unknown) => caught);
        expect(error, row.outcome).toBeInstanceOf(FeedError);
        expect(['not-a-feed', 'malformed']).toContain((error as FeedError).code);
        return;
      }
      const feed = await reading;
      expect(feed.items, row.outcome).toHaveLength(row.expectedItems);
      expect(new Set(feed.items.map((item) => item.id)).size).toBe(feed.items.length);
      // Whatever the encoding the file is in, decoding must leave no replacement character nor C1 control.
      const text = [feed.title, ...feed.items.flatMap((item) => [item.title, item.summary ?? ''])].join('\n');
      expect(text).not.toMatch(/[\uFFFD\x80-\x9F]/);
    });
  }
});
