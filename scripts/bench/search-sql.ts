/**
 * Search in-process on the regency database: searchAll (lib/search) for the naskah leader and the Sekretaris
 * Daerah, a common word, two words, a prefix being typed and a word nobody wrote, so the search target (p95 under
 * 50 ms) is measured on the query itself; the HTTP rows show the page around it.
 */
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db";
import { employees } from "@/db/schema";
import { createSession, loadActor } from "@/lib/auth/sessions";
import { searchAll } from "@/lib/search/search";
import { SEKDA_EMAIL } from "./dispositions-data";
import { LEADER_EMAIL } from "./inbox-data";
import { check, stats, time, type BenchRow } from "./stats";

export async function benchSearchSql(file: string, runs: number): Promise<BenchRow[]> {
  const db = openDatabase(file);
  try {
    const request = { ip: "127.0.0.1", userAgent: "bench" };
    const rows: BenchRow[] = [];
    for (const [who, email] of [
      ["leader", LEADER_EMAIL],
      ["Sekretaris Daerah", SEKDA_EMAIL],
    ] as const) {
      const employee = db.select({ id: employees.id }).from(employees).where(eq(employees.email, email)).get();
      check(employee, `no employee ${email}`);
      const sessionId = db.transaction((tx) => createSession(tx, employee.id, null, request, new Date()));
      for (const q of ["anggaran", "rapat koordinasi", "transformasi dig", "zzqx-tidak-ada"]) {
        const run = () => {
          const now = new Date();
          const actor = loadActor(db, sessionId, now);
          check(actor, "the bench session does not load");
          return searchAll({ db, actor, now, request }, { q });
        };
        const found = run().hits.length;
        rows.push({ group: "search-sql", name: `SQL only: search "${q}", ${who}`, stats: stats(await time(runs, run, 5)), note: `searchAll in-process; ${found} hits on page 1` });
      }
    }
    return rows;
  } finally {
    db.$client.close();
  }
}
