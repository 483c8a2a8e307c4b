import net from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server on localhost for the e-mail tests: every message it accepts is parsed and kept in order.
// Plain SMTP without STARTTLS (no certificate to trust), with AUTH allowed on it so credentials in SMTP_URL are
// exercised as well.

export const SMTP_USER = "kawan";
export const SMTP_PASSWORD = "rahasia-uji";

export type TestSmtp = { port: number; url: string; messages: ParsedMail[]; close(): Promise<void> };

/** A port nobody listens on right now (taken and released), for "the server is down" and a later start on it. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export const smtpUrlFor = (port: number) => `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`;

export async function startSmtpServer(port = 0): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.server.address() as net.AddressInfo).port;
  return {
    port: actual,
    url: smtpUrlFor(actual),
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
