/**
 * Fixed-window counters in process memory, for public endpoints that cost CPU but change nothing (the
 * upload-to-verify check): one Kawan server serves one regency, so per-process counting is enough, and a
 * restart forgetting them is harmless. Sign-in throttling, which must survive restarts, uses the database.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one use of `key`; false when the key has used up its window (the use is not counted). */
  take(key: string, now = Date.now()): boolean {
    if (this.windows.size > 10_000) this.forgetExpired(now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    if (window.count >= this.limit) return false;
    window.count++;
    return true;
  }

  private forgetExpired(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
