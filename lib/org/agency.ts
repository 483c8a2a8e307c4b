import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { agencies } from "@/db/schema";

export function getAgency(db: Db, agencyId: number) {
  return db.select().from(agencies).where(eq(agencies.id, agencyId)).get() ?? null;
}
