import type { ActorAssignment } from "@/lib/auth/actor";
import { formatNip } from "@/lib/org/nip";

/** "Plt. Kepala Dinas ..." / "Plh. ..." when acting; the plain position name otherwise. */
export function signingPositionLabel(assignment: Pick<ActorAssignment, "kind" | "positionName"> | null): string {
  if (!assignment) return "";
  return assignment.kind === "definitif" ? assignment.positionName : `${assignment.kind === "plt" ? "Plt." : "Plh."} ${assignment.positionName}`;
}

/** "28 November 2026 14.35 WIB" in the agency's zone. */
export function signedAtLabel(instant: Date, timeZone: string): string {
  const zone = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" }[timeZone] ?? timeZone;
  const text = new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeStyle: "short", timeZone }).format(instant);
  return `${text.replace(" pukul ", " ")} ${zone}`;
}

export { formatNip };
