/**
 * The files and hunks of a unified diff (what GitHub serves at a commit's address + `.diff`), read line by
 * line. jsdiff has a patch parser, but the background's size budget has no room for it, and a git diff's
 * structure is small: `diff --git` starts a file, `---`/`+++` name it, `@@ -a,b +c,d @@` opens a hunk whose
 * line counts say where it ends (so a removed line that itself begins with "--" is not mistaken for a header).
 */
export interface FilePatch {
  oldFileName?: string;
  newFileName?: string;
  hunks: { lines: string[] }[];
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/** A path as git writes it: `a/<path>`, `"a/<path with \303\251>"` when quoted, `/dev/null`, maybe a tab and a date after. */
function fileName(raw: string): string {
  const name = raw.split('\t')[0] as string;
  if (!name.startsWith('"')) return name;
  // Quoted: C-style escapes, non-ASCII bytes as octal.
  const bytes: number[] = [];
  const body = name.slice(1, name.endsWith('"') ? -1 : undefined);
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (char !== '\\') bytes.push(...new TextEncoder().encode(char));
    else if (/[0-7]/.test(body[i + 1] ?? '')) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      const escaped = body[++i] ?? '';
      bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[escaped] ?? escaped.charCodeAt(0));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

export function readUnifiedDiff(text: string): FilePatch[] {
  const files: FilePatch[] = [];
  let file: FilePatch | undefined;
  let hunk: string[] | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  const current = () => (file ??= (files.push({ hunks: [] }), files[files.length - 1] as FilePatch));
  for (const line of text.split(/\r?\n/)) {
    if (hunk && (oldLeft > 0 || newLeft > 0)) {
      const mark = line[0];
      if (mark === '\\') hunk.push(line);
      else {
        hunk.push(line);
        if (mark !== '+') oldLeft--;
        if (mark !== '-') newLeft--;
      }
      continue;
    }
    // "\ No newline at end of file" follows the hunk's last line.
    if (hunk && line.startsWith('\\')) hunk.push(line);
    else if (line.startsWith('diff --git ')) {
      file = { hunks: [] };
      files.push(file);
      hunk = undefined;
    } else if (line.startsWith('--- ')) current().oldFileName = fileName(line.slice(4));
    else if (line.startsWith('+++ ')) current().newFileName = fileName(line.slice(4));
    else {
      const header = HUNK.exec(line);
      if (!header) continue;
      hunk = [];
      current().hunks.push({ lines: hunk });
      oldLeft = header[1] === undefined ? 1 : Number(header[1]);
      newLeft = header[2] === undefined ? 1 : Number(header[2]);
    }
  }
  return files;
}
