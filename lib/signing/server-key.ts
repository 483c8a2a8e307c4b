import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "@/db";

/**
 * The key that seals the agency CA's private key at rest: KAWAN_SERVER_KEY (32 bytes, base64), or one
 * generated on first use into the data directory with mode 0600. Back it up apart from the database:
 * the database alone cannot issue certificates.
 */
export function serverKey(): Buffer {
  const fromEnv = process.env.KAWAN_SERVER_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, "base64");
    if (key.length !== 32) throw new Error("KAWAN_SERVER_KEY must be 32 bytes, base64-encoded");
    return key;
  }
  const file = path.join(path.dirname(databasePath()), "server-key");
  try {
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch {
      // written by a concurrent process first: read theirs below
    }
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  }
}
