// The two diffs Vigie uses, from their own modules: the package's index also builds its JSON, CSS, sentence
// and array diffs, 1.4 kB of the background's budget for nothing.
import type { ChangeObject } from 'diff';
import { diffLines } from 'diff/lib/diff/line.js';
import { diffWordsWithSpace } from 'diff/lib/diff/word.js';
import type { DiffPart } from '../model/change';

/**
 * What changed between two versions of a text, word by word, the way one reads a marked-up contract: the
 * changed words in full, and of the unchanged stretches only a few words around each change, the rest cut to
 * "…". A rewrite of the whole page is capped (parts and characters) and said to be truncated: the item keeps
 * what fits, the links give the full texts.
 */
export interface WordDiffOptions {
  /** Unchanged words kept on each side of a change. */
  context?: number;
  /** At most this many parts (a cut "…" counts as one). */
  maxParts?: number;
  /** At most this many characters in all the parts together. */
  maxChars?: number;
  /** Past this, the diff is not refined further: the changed middle is shown as removed, then added. */
  timeoutMs?: number;
}

export interface WordDiff {
  parts: DiffPart[];
  /** Words added and removed in the whole diff, truncated or not. */
  added: number;
  removed: number;
  truncated: boolean;
}

export const ELLIPSIS = '…';
export const DEFAULT_CONTEXT_WORDS = 8;
export const DEFAULT_MAX_PARTS = 400;
export const DEFAULT_MAX_CHARS = 20_000;
const DEFAULT_TIMEOUT_MS = 1_000;

const CUT: DiffPart = { op: 'equal', text: ELLIPSIS };

export function wordDiff(before: string, after: string, options: WordDiffOptions = {}): WordDiff {
  if (before === after) return { parts: [], added: 0, removed: 0, truncated: false };
  const context = Math.max(0, options.context ?? DEFAULT_CONTEXT_WORDS);
  const changes = joinAcrossSpaces(diffText(before, after, options.timeoutMs ?? DEFAULT_TIMEOUT_MS) ?? wholeRewrite(before, after));
  let added = 0;
  let removed = 0;
  const parts: DiffPart[] = [];
  changes.forEach((change, index) => {
    if (change.added) {
      added += countWords(change.value);
      parts.push({ op: 'insert', text: change.value });
    } else if (change.removed) {
      removed += countWords(change.value);
      parts.push({ op: 'delete', text: change.value });
    } else {
      parts.push(...cutDown(change.value, index === 0 ? 0 : context, index === changes.length - 1 ? 0 : context));
    }
  });
  const capped = cap(parts, options.maxParts ?? DEFAULT_MAX_PARTS, options.maxChars ?? DEFAULT_MAX_CHARS);
  return { parts: capped.parts, added, removed, truncated: capped.truncated };
}

/** Words as a reader counts them: runs of non-spaces with a letter or a digit ("l’article", "12,5"; not "«"). */
export function countWords(text: string): number {
  return text.match(/\S*[\p{L}\p{N}]\S*/gu)?.length ?? 0;
}

/**
 * An unchanged stretch cut down to `head` words after the change before it and `tail` words before the next
 * one. Cutting fewer than a few words would save nothing worth the "…".
 */
function cutDown(text: string, head: number, tail: number): DiffPart[] {
  const tokens = text.match(/\s+|\S+/g) ?? [];
  const words = tokens.filter((token) => !/^\s/.test(token)).length;
  if (words <= head + tail + 3) return [{ op: 'equal', text }];
  const kept = (count: number, fromEnd: boolean) => {
    const out: string[] = [];
    let seen = 0;
    const order = fromEnd ? [...tokens].reverse() : tokens;
    for (const token of order) {
      const isWord = !/^\s/.test(token);
      if (isWord && seen === count) break;
      if (isWord) seen++;
      out.push(token);
    }
    // The space between the kept words and the cut ones stays, so that "…" reads as a word of its own.
    if (count === 0) out.length = 0;
    return (fromEnd ? out.reverse() : out).join('');
  };
  const parts: DiffPart[] = [];
  const start = kept(head, false);
  const end = kept(tail, true);
  if (start) parts.push({ op: 'equal', text: start });
  parts.push(CUT);
  if (end) parts.push({ op: 'equal', text: end });
  return parts;
}

/** Keeps the first parts that fit; a long insertion or deletion that does not fit whole is cut at a word. */
function cap(parts: DiffPart[], maxParts: number, maxChars: number): { parts: DiffPart[]; truncated: boolean } {
  const out: DiffPart[] = [];
  let chars = 0;
  for (const part of parts) {
    // One part is kept back for the final "…" that says the diff goes on.
    const room = maxChars - chars;
    if (out.length >= maxParts - 1 || room <= 0) return { parts: endWithCut(out), truncated: true };
    if (part.text.length > room) {
      const cut = part.text.slice(0, room).replace(/\S*$/, '');
      if (cut.trim()) out.push({ op: part.op, text: cut });
      return { parts: endWithCut(out), truncated: true };
    }
    out.push(part);
    chars += part.text.length;
  }
  return { parts: out, truncated: false };
}

function endWithCut(parts: DiffPart[]): DiffPart[] {
  const last = parts.at(-1);
  return last && last.op === 'equal' && last.text === ELLIPSIS ? parts : [...parts, CUT];
}

/**
 * Lines first (a line is a paragraph: extraction makes it so), then words within each changed run of lines.
 * Diffing a 200 kB page word by word in one go costs about a second when 1 % of its words changed; by lines
 * first, a few tens of milliseconds, and a change stays within its paragraph. Undefined past the time allowed.
 */
function diffText(before: string, after: string, timeoutMs: number): ChangeObject<string>[] | undefined {
  const deadline = Date.now() + timeoutMs;
  const lines = diffLines(before, after, { timeout: timeoutMs });
  if (!lines) return undefined;
  const out: ChangeObject<string>[] = [];
  for (let index = 0; index < lines.length; index++) {
    const change = lines[index] as ChangeObject<string>;
    const next = lines[index + 1];
    if (change.removed && next?.added) {
      const words = diffWordsWithSpace(change.value, next.value, { timeout: Math.max(1, deadline - Date.now()) });
      if (!words) return undefined;
      out.push(...words);
      index++;
    } else {
      out.push(change);
    }
  }
  return mergeRuns(out);
}

/** Consecutive changes of the same kind as one (a paragraph's words and the unchanged lines after them). */
function mergeRuns(changes: ChangeObject<string>[]): ChangeObject<string>[] {
  const out: ChangeObject<string>[] = [];
  for (const change of changes) {
    if (change.value === '') continue;
    const last = out.at(-1);
    if (last && last.added === change.added && last.removed === change.removed) out[out.length - 1] = { ...last, value: last.value + change.value, count: last.count + change.count };
    else out.push({ ...change });
  }
  return out;
}

/**
 * "12 mars" → "2 avril" reads as one replacement, not as ~~12~~ 2 ~~mars~~ avril: changes separated by a mere
 * space (not a line break) are joined, the space going to both sides.
 */
function joinAcrossSpaces(changes: ChangeObject<string>[]): ChangeObject<string>[] {
  const out: ChangeObject<string>[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ value: removed, added: false, removed: true, count: 0 });
    if (added) out.push({ value: added, added: true, removed: false, count: 0 });
    removed = added = '';
  };
  changes.forEach((change, index) => {
    if (change.removed) removed += change.value;
    else if (change.added) added += change.value;
    else {
      const next = changes[index + 1];
      const inRun = removed !== '' || added !== '';
      if (inRun && next && (next.added || next.removed) && /^[^\S\n]+$/.test(change.value)) {
        removed += change.value;
        added += change.value;
        return;
      }
      flush();
      out.push(change);
    }
  });
  flush();
  return out;
}

/**
 * When the word diff gives up (a rewrite too large to align within the time allowed): what the two texts share
 * at their start and their end, and in between all of the old text removed and all of the new one added.
 */
function wholeRewrite(before: string, after: string): ChangeObject<string>[] {
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  // Back to the start of a word, so that no word is shown half kept, half changed.
  while (prefix > 0 && !/\s/.test(before[prefix - 1] as string)) prefix--;
  let suffix = 0;
  while (suffix < shortest - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  while (suffix > 0 && !/\s/.test(before[before.length - suffix] as string)) suffix--;
  const change = (value: string, added: boolean, removed: boolean): ChangeObject<string> => ({ value, added, removed, count: 0 });
  return [
    change(before.slice(0, prefix), false, false),
    change(before.slice(prefix, before.length - suffix), false, true),
    change(after.slice(prefix, after.length - suffix), true, false),
    change(before.slice(before.length - suffix), false, false),
  ].filter((part) => part.value !== '');
}
