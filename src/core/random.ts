/** A seeded source of randomness: the same seed always gives the same stream. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** `count` lowercase hex digits. */
  hex(count: number): string;
  /** A version 4 UUID, like Lambda's request ids. */
  uuid(): string;
}

/** sfc32, seeded through splitmix32: small, fast and well distributed. */
export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  const hex = (count: number): string => {
    let out = '';
    while (out.length < count) out += nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, count);
  };
  return {
    next: () => nextUint32() / 4294967296,
    hex,
    uuid: () => {
      const h = hex(32);
      const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}
