/** Where the background keeps the last summary for the popup (session storage); zod-free for the popup. */
export const SUMMARY_KEY = 'vigie.summary';
