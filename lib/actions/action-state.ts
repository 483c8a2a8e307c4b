/** What every form action returns: translated message plus per-field messages. */
export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message?: string; data?: unknown }
  | { status: "error"; message: string; fieldErrors: Record<string, string> };

export const idleState: ActionState = { status: "idle" };
