import type { AssignmentKind, Role } from "@/db/schema";

export type ActorAssignment = {
  assignmentId: number;
  kind: AssignmentKind;
  positionId: number;
  positionName: string;
  unitId: number;
  unitName: string;
};

/** The signed-in employee as every lib function sees them, acting under one of their active assignments. */
export type Actor = {
  employeeId: number;
  agencyId: number;
  sessionId: string;
  nip: string;
  displayName: string;
  roles: ReadonlySet<Role>;
  locale: "id" | "en";
  mustChangePassword: boolean;
  assignments: ActorAssignment[];
  acting: ActorAssignment | null;
};
