import "server-only";
import type { DbOrTx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { leaveBalance } from "./leave-balance";

/**
 * Refuses annual leave over the balance, year by year (a leave over New Year takes from both). On submission the
 * days must fit what is still available beside other pending requests; on approval, what remains after the
 * approved ones (the request's own days are among the pending then).
 */
export function assertLeaveFits(db: DbOrTx, employeeId: number, dates: readonly string[], measure: "available" | "remaining"): void {
  const perYear = new Map<number, number>();
  for (const date of dates) perYear.set(Number(date.slice(0, 4)), (perYear.get(Number(date.slice(0, 4))) ?? 0) + 1);
  for (const [year, days] of perYear) {
    const balance = leaveBalance(db, employeeId, year);
    if (days > balance[measure]) {
      const params = { year, remaining: balance.remaining, pending: balance.pending, available: balance.available, days };
      throw new DomainError("invalid", measure === "available" ? "pengajuan.errors.leaveBalance" : "pengajuan.errors.leaveBalanceOnApproval", params, { endDate: "pengajuan.errors.leaveBalanceShort" });
    }
  }
}
