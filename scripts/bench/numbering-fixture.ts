/**
 * A fresh database file with N Nota Dinas documents waiting for their number (status "signing", the
 * Kepala Dinas as signer), built with the test fixture organisation so the bench exercises the same rows
 * and registers as tests/naskah-numbering.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { actorFor, freshDb, TEST_NOW } from "@/tests/support/db";
import { createDocumentOrg, insertDocumentsAwaitingNumber } from "@/tests/support/naskah";

export function numberingFixture(documents: number) {
  const db = freshDb();
  const org = createDocumentOrg(db);
  // One transaction: with synchronous=FULL a commit per document would make the set-up cost more than the
  // measurement.
  const ids = insertDocumentsAwaitingNumber(db, org, documents);
  const actor = actorFor(db, org.people.head, TEST_NOW);
  const file = db.$client.name;
  return {
    db,
    file,
    ids,
    actor,
    now: TEST_NOW,
    agencyId: org.agencyA,
    dispose: () => {
      db.$client.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}
