/** Files the member saves or picks on the admin screens: no server, the browser does both. */

/** Offers `text` as a download named `name` (a Blob URL: nothing leaves the computer). */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  // Firefox follows the click only on a link that is in the document.
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may not have started yet when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The text of the file chosen in an `<input type="file">`, which is emptied so that the same file can be picked again. */
export async function takeChosenFile(input: HTMLInputElement): Promise<{ name: string; text: string } | undefined> {
  const file = input.files?.[0];
  if (!file) return undefined;
  const text = await file.text();
  input.value = '';
  return { name: file.name, text };
}

/** "2026-11-20", for file names. */
export const today = (): string => new Date().toISOString().slice(0, 10);
