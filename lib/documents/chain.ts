import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { positions } from "@/db/schema";
import type { DbOrTx } from "@/lib/context";
import { invalid } from "@/lib/errors";
import type { SignerPlan } from "./draft-input";

// The review chain (verifikator / pemaraf) and the signers of a document, by position.

/**
 * The usual chain for a drafter's post: walking up the superiors, every head passed initials (paraf) and
 * the first post allowed to sign signs. A staff member of a seksi thus gets [Kepala Seksi, Kepala Bidang]
 * as reviewers and the Kepala Dinas as signer. The drafter edits it before submitting.
 */
export function proposeChain(db: DbOrTx, drafterPositionId: number): { reviewers: number[]; signer: number | null } {
  const reviewers: number[] = [];
  const seen = new Set<number>([drafterPositionId]);
  let current = db.select().from(positions).where(eq(positions.id, drafterPositionId)).get();
  while (current?.superiorId && !seen.has(current.superiorId)) {
    seen.add(current.superiorId);
    const superior = db.select().from(positions).where(eq(positions.id, current.superiorId)).get();
    if (!superior) break;
    if (superior.active && superior.maySign) return { reviewers, signer: superior.id };
    if (superior.active) reviewers.push(superior.id);
    current = superior;
  }
  return { reviewers, signer: null };
}

/**
 * Checks a chain against the agency's positions: active posts of the agency, nobody twice, signers allowed
 * to sign. Throws field errors on "reviewers" / "signers".
 */
export function checkChain(tx: DbOrTx, agencyId: number, reviewers: number[], signers: SignerPlan[], opts: { requireSigner: boolean }): void {
  const ids = [...reviewers, ...signers.map((s) => s.positionId), ...signers.flatMap((s) => (s.onBehalfOfPositionId ? [s.onBehalfOfPositionId] : []))];
  const found = ids.length
    ? tx
        .select({ id: positions.id, maySign: positions.maySign })
        .from(positions)
        .where(and(inArray(positions.id, ids), eq(positions.agencyId, agencyId), eq(positions.active, true)))
        .all()
    : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  if (reviewers.some((id) => !byId.has(id))) throw invalid({ reviewers: "naskah.chain.unknownPosition" });
  if (new Set(reviewers).size !== reviewers.length) throw invalid({ reviewers: "naskah.chain.duplicate" });
  if (signers.some((s) => !byId.has(s.positionId) || (s.onBehalfOfPositionId !== null && !byId.has(s.onBehalfOfPositionId)))) {
    throw invalid({ signers: "naskah.chain.unknownPosition" });
  }
  if (new Set(signers.map((s) => s.positionId)).size !== signers.length) throw invalid({ signers: "naskah.chain.duplicate" });
  if (signers.some((s) => !byId.get(s.positionId)?.maySign)) throw invalid({ signers: "naskah.chain.mayNotSign" });
  if (signers.some((s) => reviewers.includes(s.positionId))) throw invalid({ signers: "naskah.chain.reviewerSigns" });
  if (opts.requireSigner && signers.length === 0) throw invalid({ signers: "naskah.chain.signerRequired" });
}
