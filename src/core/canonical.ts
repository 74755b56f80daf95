// One spelling for a JSON value whatever the key order it was built with, and a short
// fingerprint of it: sync compares versions of an entry by these (issue 17).

/** JSON with every object's keys sorted (arrays keep their order); undefined members are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

// node:crypto is loaded on the first fingerprint only: every command reads entries, few edit
// them, and loading it costs ~5 ms at start-up (the shell reminder runs in every new terminal).
let hash: typeof import('node:crypto').createHash | undefined;

/** 12 hex digits (48 bits) of SHA-256: an entry has a handful of versions, so a clash is out of reach. */
export function fingerprint(value: unknown): string {
  hash ??= process.getBuiltinModule('node:crypto').createHash;
  return hash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 12);
}

export const FINGERPRINT_RE = /^[0-9a-f]{12}$/;

/** A deterministic order for values that are "the same" but spelt differently: the smaller spelling first. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
