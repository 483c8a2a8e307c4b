import "server-only";
import type { NotificationKind } from "@/db/schema";
import { translator, type Locale } from "@/lib/i18n/catalog";
import { mailBaseUrl } from "./config";

// The words of a mail, in the reader's language from the catalog. Plain text is what counts (many government
// mailboxes show text only); the HTML part says the same with a link, every value escaped.

export type MailContent = { subject: string; text: string; html: string };

export type MailItem = { kind: NotificationKind; messageKey: string; params: Record<string, string | number>; href: string; secret: boolean };

export type MailReader = { name: string; locale: Locale };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Subjects are one line: a newline in a document's subject must not become a header of its own. */
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, " ").trim();

const linkOf = (href: string) => `${mailBaseUrl()}${href}`;

/** The one line that says what happened, in the reader's language; also the body of a web push (push/compose.ts). */
export function noticeLine(t: ReturnType<typeof translator>, item: Pick<MailItem, "messageKey" | "params" | "secret">): string {
  // A secret item never renders its message: its parameters may hold the subject.
  return item.secret ? t("notifications.email.secretMessage") : t(item.messageKey, item.params);
}

const lineOf = noticeLine;

function wrap(t: ReturnType<typeof translator>, reader: MailReader, textBody: string[], htmlBody: string): { text: string; html: string } {
  const settings = linkOf("/akun");
  const text = [t("notifications.email.greeting", { name: reader.name }), "", ...textBody, "", "--", t("notifications.email.footer", { url: settings }), ""].join("\n");
  const html = [
    `<!doctype html><html lang="${reader.locale}"><body style="font-family:sans-serif;line-height:1.5">`,
    `<p>${escapeHtml(t("notifications.email.greeting", { name: reader.name }))}</p>`,
    htmlBody,
    `<p style="color:#555;font-size:small">${escapeHtml(t("notifications.email.footer", { url: settings }))}</p>`,
    "</body></html>",
  ].join("\n");
  return { text, html };
}

/** One mail for one notification. */
export function composeNotificationMail(reader: MailReader, item: MailItem): MailContent {
  const t = translator(reader.locale);
  const url = linkOf(item.href);
  const line = lineOf(t, item);
  const subject = oneLine(item.secret ? t("notifications.email.secretSubject") : t("notifications.email.subject", { kind: t(`notifications.kinds.${item.kind}`) }));
  const body = wrap(
    t,
    reader,
    [line, "", t("notifications.email.open", { url })],
    `<p>${escapeHtml(line)}</p>\n<p><a href="${escapeHtml(url)}">${escapeHtml(t("notifications.email.openLabel"))}</a><br>${escapeHtml(url)}</p>`,
  );
  return { subject, ...body };
}

/** The daily summary: every item a line with its link, oldest first. */
export function composeDigestMail(reader: MailReader, items: MailItem[]): MailContent {
  const t = translator(reader.locale);
  const lines = items.map((item) => ({ line: lineOf(t, item), url: linkOf(item.href) }));
  const subject = oneLine(t("notifications.email.digestSubject", { count: items.length }));
  const body = wrap(
    t,
    reader,
    [t("notifications.email.digestIntro"), "", ...lines.flatMap((l) => [`- ${l.line}`, `  ${l.url}`])],
    `<p>${escapeHtml(t("notifications.email.digestIntro"))}</p>\n<ul>\n${lines.map((l) => `<li>${escapeHtml(l.line)}<br><a href="${escapeHtml(l.url)}">${escapeHtml(l.url)}</a></li>`).join("\n")}\n</ul>`,
  );
  return { subject, ...body };
}
