/**
 * launder (which sanitize-html uses only to judge link schemes) loads dayjs for date helpers that Vigie never
 * calls: this stand-in keeps 7 kB of date library out of the background, and says so if ever called.
 */
export default function dayjs(): never {
  throw new Error('dayjs is not bundled in Vigie');
}
