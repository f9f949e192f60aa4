/**
 * rss-parser only calls `decodeHTML` from entities 2, whose entity table would sit in the background next
 * to the newer one htmlparser2 already brings. Both decode HTML entities the same way: one table is enough.
 */
export { decodeHTML } from 'entities/decode';
