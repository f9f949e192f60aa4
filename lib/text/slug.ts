import { fold } from './fold';

/** « Période de réserve » → « periode-de-reserve »: lower-case letters and digits, dashes between; '' when none. */
export function slug(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
