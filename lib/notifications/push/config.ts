import "server-only";
import { mailFrom } from "../email/config";

// Web push needs no configuration: the VAPID keys are generated into the data directory on first use (vapid.ts).
// Read from the environment on every use, like the e-mail settings, so a test needs no module reload.

/**
 * Whether subscriptions may name a push service on this machine (https://127.0.0.1:port/..., https://localhost/...):
 * the tests' local push endpoint. Never in production unless KAWAN_PUSH_ALLOW_HTTP=1 says so (the end-to-end tests
 * run a production build): anywhere else, a subscription pointing at this server's own network would let an
 * employee make the server post to internal addresses.
 */
export function allowLocalPushEndpoints(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.KAWAN_PUSH_ALLOW_HTTP === "1";
}

/**
 * The VAPID "sub" claim: a contact the push services can reach about this server. The address of MAIL_FROM when
 * set, else KAWAN_PUBLIC_URL when it is https, else a noreply address at its host. web-push accepts only mailto: and
 * https: subjects.
 */
export function vapidSubject(): string {
  if (process.env.MAIL_FROM?.trim()) {
    const address = /<([^<>\s]+@[^<>\s]+)>/.exec(mailFrom())?.[1] ?? /^[^\s<>@]+@[^\s<>@]+$/.exec(mailFrom().trim())?.[0];
    if (address) return `mailto:${address}`;
  }
  const base = process.env.KAWAN_PUBLIC_URL?.trim();
  if (base) {
    try {
      const url = new URL(base);
      if (url.protocol === "https:") return url.origin;
      return `mailto:noreply@${url.hostname}`;
    } catch {
      // not a URL: fall through to the default
    }
  }
  return "mailto:noreply@localhost";
}
