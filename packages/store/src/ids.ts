import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuv';

/** A random 25-character id (125 bits, base32 lowercase), like swarmkit's object ids. Never call it inside apply(). */
export function newId(): string {
  const b = randomBytes(16);
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
