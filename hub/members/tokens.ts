import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets the hub hands out: member tokens, feed tokens, invite codes. Only their SHA-256 is stored, so a
 * copy of the database (or a backup) lets no one in.
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const newToken = (prefix: 'vh' | 'vf'): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

export const newId = (prefix: string): string => `${prefix}_${randomBytes(9).toString('base64url')}`;

// Crockford's base32: no I, L, O, U, so a code read aloud or copied by hand survives.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "K7QD-M2XA-9F3B-TR6W": 80 random bits, easy to paste or dictate. */
export function newInviteCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((byte) => CODE_ALPHABET[byte % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** What a member types may differ in case, dashes and spaces from what was printed. */
export const normalizeInviteCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');
