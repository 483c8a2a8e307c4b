import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { sessionIdFromCookie } from "@/lib/auth/session-cookie";

const SECRET = "test-secret-0123456789abcdef0123456789abcdef";
const NAME = "authjs.session-token";
const cookieOf = (jar: Record<string, string>) => (name: string) => jar[name];

describe("the session cookie read without Auth.js's auth()", () => {
  it("reads the session id from a cookie Auth.js made, on http and https names", async () => {
    const token = await encode({ token: { sid: "abc123" }, secret: SECRET, salt: NAME });
    expect(await sessionIdFromCookie(cookieOf({ [NAME]: token }), SECRET)).toBe("abc123");
    const secure = await encode({ token: { sid: "def456" }, secret: SECRET, salt: `__Secure-${NAME}` });
    expect(await sessionIdFromCookie(cookieOf({ [`__Secure-${NAME}`]: secure }), SECRET)).toBe("def456");
  });

  it("refuses a cookie made with another secret, one moved to the other cookie name, an expired one, and garbage", async () => {
    const other = await encode({ token: { sid: "abc123" }, secret: "another-secret-0123456789abcdef0123456789", salt: NAME });
    expect(await sessionIdFromCookie(cookieOf({ [NAME]: other }), SECRET)).toBeNull();
    const secureToken = await encode({ token: { sid: "abc123" }, secret: SECRET, salt: `__Secure-${NAME}` });
    expect(await sessionIdFromCookie(cookieOf({ [NAME]: secureToken }), SECRET)).toBeNull();
    const expired = await encode({ token: { sid: "abc123" }, secret: SECRET, salt: NAME, maxAge: -60 });
    expect(await sessionIdFromCookie(cookieOf({ [NAME]: expired }), SECRET)).toBeNull();
    expect(await sessionIdFromCookie(cookieOf({ [NAME]: "not-a-jwe" }), SECRET)).toBeNull();
    expect(await sessionIdFromCookie(cookieOf({}), SECRET)).toBeNull();
  });
});

describe("the cookie's integrity", () => {
  it("refuses a cookie with any part changed: header, iv, ciphertext or tag", async () => {
    const token = await encode({ token: { sid: "abc123" }, secret: SECRET, salt: NAME });
    expect(await sessionIdFromCookie(cookieOf({ [NAME]: token }), SECRET)).toBe("abc123");
    const parts = token.split(".");
    for (const index of [0, 2, 3, 4]) {
      const bytes = Buffer.from(parts[index], "base64url");
      bytes[bytes.length - 1] ^= 1;
      const changed = parts.map((p, i) => (i === index ? bytes.toString("base64url") : p)).join(".");
      expect(await sessionIdFromCookie(cookieOf({ [NAME]: changed }), SECRET)).toBeNull();
    }
    // A token that never expires is not one Auth.js makes: refused.
    expect(await sessionIdFromCookie(cookieOf({ [NAME]: parts.slice(0, 4).join(".") }), SECRET)).toBeNull();
  });
});
