import "server-only";
import { eq } from "drizzle-orm";
import { incomingLetters, officialDocuments } from "@/db/schema";
import type { DbOrTx } from "@/lib/context";

// A mail or a push leaves the system for good: it sits in mail servers, push services and phones Kawan cannot reach
// and is not taken back when a Plh's term ends. So for a Rahasia or Sangat Rahasia document or letter a mail or a
// push says only that one waits.
// Decided here from the object the link opens, not from what the notifying code chose to put in the message:
// a notification about a secret letter that carries its subject (an in-app message may) still goes out blank.
// Shared by the e-mail and the web push channels.

const SECRET = new Set(["R", "SR"]);

/** Whether the notification's link opens a Rahasia / Sangat Rahasia naskah or surat masuk (or says so itself). */
export function isSecretNotice(db: DbOrTx, n: { href: string; messageKey: string }): boolean {
  if (n.messageKey.endsWith("Secret")) return true;
  const match = /^\/(naskah|surat-masuk)\/(\d+)(?:[/?#]|$)/.exec(n.href);
  if (!match) return false;
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id)) return true;
  const row =
    match[1] === "naskah"
      ? db.select({ securityClass: officialDocuments.securityClass }).from(officialDocuments).where(eq(officialDocuments.id, id)).get()
      : db.select({ securityClass: incomingLetters.securityClass }).from(incomingLetters).where(eq(incomingLetters.id, id)).get();
  return row ? SECRET.has(row.securityClass) : false;
}
