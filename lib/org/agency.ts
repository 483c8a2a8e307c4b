import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/context";
import { agencies } from "@/db/schema";

export function getAgency(db: DbOrTx, agencyId: number) {
  return db.select().from(agencies).where(eq(agencies.id, agencyId)).get() ?? null;
}
