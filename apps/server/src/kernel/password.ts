import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

/**
 * scrypt's cost for a new hash: N = 2^15, r = 8, p = 1, i.e. 32 MiB of memory and ≈90 ms of one core (benchmark VM,
 * 2026-12-08). Memory-hard for an attacker, and the size also matters to the server: glibc serves a block of up to
 * 32 MiB from the arena of the thread asking and keeps it once freed, so with N = 2^14 (16 MiB) each of libuv's four
 * threads that had hashed kept its 16–19 MiB resident (+75 MB after a burst of sign-ins, the RSS goal's margin). A
 * block just over 32 MiB is mapped for the one hash and handed back to the system after it (+0 MB).
 */
const N = 32768;
const r = 8;
const p = 1;
const keyLength = 64;
/** Node refuses scrypt above 32 MiB unless told: 128 × N × r plus its working space is just over. */
const MAX_MEMORY = 64 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, length: number, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFKC'), salt, length, { ...cost, maxmem: MAX_MEMORY }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` in base64url; the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, keyLength, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  const actual = await scrypt(password, salt, expected.length, { N: Number(parts[1]), r: Number(parts[2]), p: Number(parts[3]) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash made with other parameters than a new one gets: hashed again from the password at the user's next sign-in
 * (the password itself is unchanged).
 */
export function needsRehash(stored: string): boolean {
  const parts = stored.split('$');
  return parts[0] !== 'scrypt' || Number(parts[1]) !== N || Number(parts[2]) !== r || Number(parts[3]) !== p;
}

/** A hash of a random password: verifying against it costs the same time as a real user (no user enumeration). */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash;
}

export function isStrongPassword(password: string): boolean {
  return password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
