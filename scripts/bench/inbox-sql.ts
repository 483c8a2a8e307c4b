/**
 * The inbox page's database work alone, in-process on the regency database (regency-http.ts measures the page): the queries the
 * page runs per request (the session's actor, the list counts, the list page, the document types, the
 * agency), without Next.js. Beside the HTTP times it tells whether a slow page is SQL or rendering.
 * Includes a search that matches nothing, the worst case of the LIKE filter: every inbox row is read.
 */
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db";
import { employees } from "@/db/schema";
import { createSession, loadActor } from "@/lib/auth/sessions";
import { agencyTimeZone } from "@/lib/documents/document-detail";
import { documentListCounts, listDocuments, type ListFilter } from "@/lib/documents/document-lists";
import { listDocumentTypes } from "@/lib/documents/document-types";
import { getAgency } from "@/lib/org/agency";
import { LEADER_EMAIL } from "./inbox-data";
import { check, stats, time, type BenchRow } from "./stats";

export async function benchInboxSql(file: string, cases: { name: string; filter: ListFilter }[], runs: number, note: string): Promise<BenchRow[]> {
  const db = openDatabase(file);
  try {
    const request = { ip: "127.0.0.1", userAgent: "bench" };
    const leader = db.select({ id: employees.id }).from(employees).where(eq(employees.email, LEADER_EMAIL)).get();
    check(leader, `no employee ${LEADER_EMAIL}`);
    const sessionId = db.transaction((tx) => createSession(tx, leader.id, null, request, new Date()));
    const rows: BenchRow[] = [];
    for (const { name, filter } of cases) {
      const pageQueries = () => {
        const now = new Date();
        const actor = loadActor(db, sessionId, now);
        check(actor, "the bench session does not load");
        const ctx = { db, actor, now, request };
        documentListCounts(ctx);
        const { rows: listed } = listDocuments(ctx, "masuk", filter, agencyTimeZone(ctx));
        listDocumentTypes(db, actor.agencyId);
        getAgency(db, actor.agencyId);
        return listed.length;
      };
      const samples = await time(runs, pageQueries, 10);
      rows.push({ group: "inbox-sql", name: `SQL only: ${name}`, stats: stats(samples), note: `${note}; ${pageQueries()} rows listed` });
    }
    return rows;
  } finally {
    db.$client.close();
  }
}
