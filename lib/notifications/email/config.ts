import "server-only";

// E-mail is configured from the environment only: an SMTP server is infrastructure (like the database path), not
// something an agency admin sets in the app. Read on every use, so a test (or a restart with a new value) needs no
// module reload.

/** The SMTP server as a URL: smtp://user:pass@host:587 (STARTTLS when offered), smtps://...:465 for TLS. */
export function smtpUrl(): string | null {
  const url = process.env.SMTP_URL?.trim();
  return url ? url : null;
}

/** Without SMTP_URL the e-mail channel is off: nothing is queued and nothing is sent. */
export function emailEnabled(): boolean {
  return smtpUrl() !== null;
}

/** The sender, e.g. "Kawan <noreply@kab.go.id>". */
export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || "Kawan <noreply@localhost>";
}

/**
 * The address links in a mail start with: KAWAN_PUBLIC_URL, the same setting the verification QR codes use. A
 * mail has no request to take the host from, so without it the links are paths only (and a warning is logged
 * once at start, see send-sweep.ts).
 */
export function mailBaseUrl(): string {
  return (process.env.KAWAN_PUBLIC_URL?.trim() ?? "").replace(/\/+$/, "");
}
