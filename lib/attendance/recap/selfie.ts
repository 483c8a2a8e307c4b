import "server-only";
import { and, eq } from "drizzle-orm";
import { attendanceRecords } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { sniffImageType } from "@/lib/files/image-type";
import { sqliteFileStore, type FileStore } from "@/lib/files/file-store";
import { maySeeEmployee, recapScope } from "./scope";

// A check-in selfie is personal data: only the employee and those who may see their attendance get it. Anyone
// else, another agency, a record without a selfie: the same "not found".

export type Selfie = { data: Buffer; mediaType: "image/png" | "image/jpeg" | "image/webp"; sha256: string };

/** WebP too: a phone's canvas may compress to it (RIFF....WEBP). */
function selfieType(data: Buffer): Selfie["mediaType"] | null {
  const sniffed = sniffImageType(data);
  if (sniffed) return sniffed;
  return data.length > 12 && data.toString("latin1", 0, 4) === "RIFF" && data.toString("latin1", 8, 12) === "WEBP" ? "image/webp" : null;
}

export function recordSelfie(ctx: Ctx, recordId: number, store: FileStore = sqliteFileStore): Selfie {
  const record = ctx.db
    .select({ employeeId: attendanceRecords.employeeId, sha256: attendanceRecords.selfieSha256 })
    .from(attendanceRecords)
    .where(and(eq(attendanceRecords.id, recordId), eq(attendanceRecords.agencyId, ctx.actor.agencyId)))
    .get();
  if (!record?.sha256) throw notFound();
  if (record.employeeId !== ctx.actor.employeeId && !maySeeEmployee(ctx.db, recapScope(ctx), record.employeeId)) throw notFound();
  const file = store.get(ctx.db, record.sha256);
  // Served as an image only when its bytes are one, whatever was stored.
  const mediaType = file ? selfieType(file.data) : null;
  if (!file || !mediaType) throw notFound();
  return { data: file.data, mediaType, sha256: file.sha256 };
}
