/**
 * Password hashing with argon2id. @node-rs/argon2's defaults are the OWASP parameters (m=19 MiB, t=2,
 * p=1); the hash string records them, so raising them later still verifies old hashes.
 */
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

let decoy: Promise<string> | undefined;

/** Spends the same time as a real check, so response times do not tell which usernames exist. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy-password-never-matches');
  await verifyPassword(await decoy, password);
  return false;
}
