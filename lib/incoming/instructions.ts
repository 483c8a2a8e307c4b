import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { dispositionInstructions } from "@/db/schema";
import type { DbOrTx } from "@/lib/context";

// The instructions a leader ticks on a disposition: the agency's own list, seeded with the usual ones.

export const DEFAULT_INSTRUCTIONS = [
  "Untuk diketahui",
  "Untuk ditindaklanjuti",
  "Pelajari dan beri saran",
  "Siapkan konsep jawaban",
  "Siapkan bahan / sambutan / paparan",
  "Koordinasikan dengan unit terkait",
  "Agendakan / jadwalkan",
  "Hadiri dan laporkan hasilnya",
  "Wakili saya dan laporkan hasilnya",
  "Bicarakan dengan saya",
  "Pantau",
  "Proses sesuai ketentuan",
  "Arsipkan",
] as const;

/** Adds the default list to an agency that has none; returns how many were added. */
export function seedDispositionInstructions(db: Db, agencyId: number): number {
  return db.transaction((tx) => {
    const existing = tx.select({ n: count() }).from(dispositionInstructions).where(eq(dispositionInstructions.agencyId, agencyId)).get()?.n ?? 0;
    if (existing > 0) return 0;
    DEFAULT_INSTRUCTIONS.forEach((label, i) => tx.insert(dispositionInstructions).values({ agencyId, label, sortOrder: (i + 1) * 10 }).run());
    return DEFAULT_INSTRUCTIONS.length;
  });
}

export function activeInstructions(db: DbOrTx, agencyId: number): string[] {
  return db
    .select({ label: dispositionInstructions.label })
    .from(dispositionInstructions)
    .where(and(eq(dispositionInstructions.agencyId, agencyId), eq(dispositionInstructions.active, true)))
    .orderBy(asc(dispositionInstructions.sortOrder), asc(dispositionInstructions.id))
    .all()
    .map((r) => r.label);
}
