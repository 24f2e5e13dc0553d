// The smallest SQL surface the migration runner and the tests need, over either store.
export interface SqlRunner {
  /** Run one statement with $1.. parameters and return its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Run a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
