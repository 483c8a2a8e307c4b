import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { files } from "@/db/schema";
import type { Tx } from "@/lib/context";

export type StoredFile = { sha256: string; mediaType: string; size: number; data: Buffer };

/** Where file bytes live. Callers hash before their transaction and store inside it. */
export interface FileStore {
  put(tx: Tx, file: { data: Buffer; mediaType: string }, now: Date): string;
  get(db: Db, sha256: string): StoredFile | null;
}

export function sha256Hex(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export const sqliteFileStore: FileStore = {
  put(tx, file, now) {
    const sha256 = sha256Hex(file.data);
    tx.insert(files)
      .values({ sha256, mediaType: file.mediaType, size: file.data.length, data: file.data, createdAt: now })
      .onConflictDoNothing()
      .run();
    return sha256;
  },
  get(db, sha256) {
    return db.select().from(files).where(eq(files.sha256, sha256)).get() ?? null;
  },
};
