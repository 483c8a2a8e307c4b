/**
 * Stand-ins for next/headers and next/cache in the hostile-input suite (tests/hostile). next/navigation stays real:
 * redirect(), notFound() and forbidden() throw Next's own errors, which the suite counts as refusals.
 *
 * The cookie jar holds whatever the test put there with signInAs()/signOut() (tests/support/hostile.ts): a real
 * Auth.js session cookie, decoded by the real lib/auth/session-cookie.ts, or nothing.
 */
const state: { cookies: Map<string, string>; headers: Record<string, string> } = {
  cookies: new Map(),
  headers: { host: "kawan.test", origin: "http://kawan.test", "user-agent": "hostile-test/1.0", "x-forwarded-for": "198.51.100.23" },
};

export function setCookie(name: string, value: string | null): void {
  if (value === null) state.cookies.delete(name);
  else state.cookies.set(name, value);
}

export function clearCookies(): void {
  state.cookies.clear();
}

export const requestHeaders = () => ({ ...state.headers });

/** Changes one request header for the calls that follow (e.g. the client address the sign-in throttle counts). */
export function setRequestHeader(name: string, value: string): void {
  state.headers[name] = value;
}

const jar = {
  get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
  getAll: () => [...state.cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => state.cookies.has(name),
  // Actions may set or drop cookies (Auth.js on sign-in and sign-out); the jar keeps them for the rest of the request.
  set: (name: string | { name: string; value: string }, value?: string) => {
    if (typeof name === "object") state.cookies.set(name.name, name.value);
    else state.cookies.set(name, value ?? "");
  },
  delete: (name: string | { name: string }) => {
    state.cookies.delete(typeof name === "object" ? name.name : name);
  },
  toString: () => [...state.cookies].map(([n, v]) => `${n}=${v}`).join("; "),
};

export const nextHeadersMock = {
  cookies: async () => jar,
  headers: async () => new Headers(state.headers),
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

export const nextCacheMock = {
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
  unstable_cache: <T>(fn: T) => fn,
  unstable_noStore: () => {},
};
