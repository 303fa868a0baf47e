/**
 * The access token: random, carried by the printed URL (as Jupyter does), compared in constant
 * time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new token: 24 random bytes, hex. */
export function newToken(): string {
  return randomBytes(24).toString('hex');
}

/**
 * True when `given` is the token. Both are hashed first so the comparison takes the same time
 * whatever their lengths.
 */
export function tokenMatches(token: string, given: string | null | undefined): boolean {
  if (given === null || given === undefined || given === '') return false;
  const a = createHash('sha256').update(token).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/**
 * The token a request carries: `Authorization: Bearer …`, else the `token` query parameter
 * (EventSource cannot send headers).
 */
export function requestToken(
  authorization: string | undefined,
  query: string | undefined,
): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (match?.[1] !== undefined) return match[1];
  return query ?? null;
}
