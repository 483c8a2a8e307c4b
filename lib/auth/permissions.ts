import type { Role } from "@/db/schema";
import type { Actor } from "./actor";
import { forbidden } from "@/lib/errors";

/**
 * Every permission Kawan checks, and which extra roles grant it. The one function `can` answers for
 * actions and list queries alike; objects outside the actor's agency are never allowed.
 */
const GRANTS = {
  "agency.manage": ["agency_admin"],
  "org.manage": ["agency_admin"],
  "employee.manage": ["agency_admin"],
  "employee.import": ["agency_admin"],
  "audit.read": ["agency_admin"],
  "certificate.manage": ["agency_admin"],
  "admin.view": ["agency_admin"],
  "document_type.manage": ["agency_admin"],
  "number.manual": ["records_clerk"],
  "letter.register": ["records_clerk"],
  "disposition_instruction.manage": ["agency_admin"],
  "attendance.configure": ["agency_admin"],
  /** The recap and team views of every unit (the personnel office); leaders see their own units without it. */
  "attendance.recap": ["agency_admin", "personnel_officer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export function can(actor: Actor, permission: Permission, target?: { agencyId: number }): boolean {
  if (target && target.agencyId !== actor.agencyId) return false;
  const roles: readonly Role[] = GRANTS[permission];
  return roles.some((role) => actor.roles.has(role));
}

export function assertCan(actor: Actor, permission: Permission, target?: { agencyId: number }): void {
  if (!can(actor, permission, target)) throw forbidden();
}
