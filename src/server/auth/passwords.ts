import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../config';

/**
 * Password hashing with argon2id (the library's default algorithm; the test checks the hash says
 * so). Cost parameters come from the configuration: OWASP's 19 MiB × 2 passes by default.
 */
export async function hashPassword(
  password: string,
  cost: Config['passwordHash'],
): Promise<string> {
  return hash(password, { memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the time of one verification when the login ID is unknown, so that the answer time does
 * not tell which login IDs exist.
 */
export async function verifyDecoy(password: string, cost: Config['passwordHash']): Promise<void> {
  decoy ??= hashPassword('tsunagu-decoy-password', cost);
  await verifyPassword(await decoy, password);
}
