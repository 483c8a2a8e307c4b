import { describe, expect, it } from "vitest";
import { RateLimiter } from "@/lib/rate-limit";

describe("RateLimiter", () => {
  it("allows `limit` uses per window per key, then refuses until the window passes", () => {
    const limiter = new RateLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.take("203.0.113.7", t0))).toEqual([true, true, true, false]);
    expect(limiter.take("198.51.100.1", t0)).toBe(true);
    expect(limiter.take("203.0.113.7", t0 + 59_999)).toBe(false);
    expect(limiter.take("203.0.113.7", t0 + 60_000)).toBe(true);
  });
});
