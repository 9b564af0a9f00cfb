import { randomBytes } from 'node:crypto';

let pool: Buffer = Buffer.alloc(0);
let poolPos = 0;

const ALPHABET = '0123456789abcdefghijklmnopqrstuv';

/** A random 25-character id (125 bits, base32 lowercase), like swarmkit's object ids. Never call it inside apply(). */
export function newId(): string {
  if (poolPos + 16 > pool.length) {
    pool = randomBytes(16 * 256);
    poolPos = 0;
  }
  const b = pool.subarray(poolPos, poolPos + 16);
  poolPos += 16;
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < b.length && out.length < 25; i++) {
    acc = (acc << 8) | b[i]!;
    bits += 8;
    while (bits >= 5 && out.length < 25) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}
