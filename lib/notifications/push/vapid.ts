import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { databasePath } from "@/db";

// The server's VAPID key pair: it identifies this server to the browsers' push services, and every subscription is
// bound to its public key. Generated on first use and kept beside the database (mode 0600), so a fresh install
// pushes without configuration; losing it means every device must opt in again, so back it up with the data.
//
// Two processes starting together must end with one key pair: the new pair is written to a temporary file and
// hard-linked into place, which (unlike rename) fails when the file already exists; the loser reads the winner's.

export const VAPID_FILE = "vapid-keys.json";

export type VapidKeys = { publicKey: string; privateKey: string };

const cache = new Map<string, VapidKeys>();

const defaultDirectory = () => path.dirname(databasePath());

function parse(file: string, text: string): VapidKeys {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const keys = value as Partial<VapidKeys> | null;
  const ok =
    typeof keys?.publicKey === "string" &&
    typeof keys.privateKey === "string" &&
    Buffer.from(keys.publicKey, "base64url").length === 65 &&
    Buffer.from(keys.privateKey, "base64url").length === 32;
  // Never replaced silently: new keys would orphan every device's subscription.
  if (!ok) throw new Error(`${file} is not a VAPID key pair; restore it from a backup, or delete it to make a new one (every device must then opt in again)`);
  return { publicKey: keys.publicKey!, privateKey: keys.privateKey! };
}

function writeNew(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  const fd = fs.openSync(tmp, "wx", 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(webpush.generateVAPIDKeys()));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EEXIST: another process won the race; its pair is the one. A file system without hard links: rename, after
    // looking once more (the window left is the same as any check-then-write).
    if (code !== "EEXIST") {
      if (!fs.existsSync(file)) fs.renameSync(tmp, file);
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** The key pair of the data directory (the database's directory unless given), created on first use. */
export function vapidKeys(directory: string = defaultDirectory()): VapidKeys {
  const file = path.join(directory, VAPID_FILE);
  const cached = cache.get(file);
  if (cached) return cached;
  if (!fs.existsSync(file)) writeNew(file);
  const keys = parse(file, fs.readFileSync(file, "utf8"));
  cache.set(file, keys);
  return keys;
}

/** The public key browsers subscribe with (applicationServerKey), base64url. */
export function publicKey(directory?: string): string {
  return vapidKeys(directory).publicKey;
}
