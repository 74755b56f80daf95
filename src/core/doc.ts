// How a versioned JSON document is described (its version, migrations, validation): the
// store reads and writes by it, core's backup checks imported documents by it.
export interface DocSpec<T> {
  /** The schema version this harmony writes. */
  version: number;
  /** Migrations: key N turns a version N-1 document into version N. */
  migrations?: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>;
  /** Returns an error message (with the path of the bad field) or null when valid. */
  validate: (doc: Record<string, unknown>) => string | null;
  empty: () => T;
}
