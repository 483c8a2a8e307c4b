/**
 * Runs an immediate write transaction again when SQLite answered SQLITE_BUSY. Waiting writers in other server
 * processes poll for the lock rather than queue, so under a burst one can miss its turn for longer than
 * busy_timeout (npm run bench saw it at four processes numbering back to back). The failed attempt changed
 * nothing, so trying again is safe; anything else is rethrown at once.
 */
export function withBusyRetry<T>(run: () => T, attempts = 3): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return run();
    } catch (error) {
      if (attempt >= attempts || (error as { code?: string }).code !== "SQLITE_BUSY") throw error;
    }
  }
}
