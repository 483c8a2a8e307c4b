/**
 * Calling a server action over HTTP the way the browser does: POST to the page with the action's id in the
 * Next-Action header and its arguments encoded by React's own encodeReply (a form action from useActionState
 * receives the previous state and the FormData). The ids come from the build's server-reference manifest, so the
 * durability test and the benchmark drive the real actions of the build they run against.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type EncodeReply = (value: unknown) => Promise<string | FormData>;
const { encodeReply } = createRequire(path.join(process.cwd(), "package.json"))("next/dist/compiled/react-server-dom-webpack/client.edge") as { encodeReply: EncodeReply };

let manifest: Map<string, string> | undefined;

/** The action id of an exported server action, by its export name (unique across app/ by convention). */
export function actionId(exportedName: string): string {
  if (!manifest) {
    const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
    const node = (JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, { exportedName?: string }> }).node;
    manifest = new Map(Object.entries(node).map(([id, entry]) => [entry.exportedName ?? id, id]));
  }
  const id = manifest.get(exportedName);
  if (!id) throw new Error(`no server action ${exportedName} in the build`);
  return id;
}

export type ActionReply = {
  status: number;
  /** Where the action redirected on success (x-action-redirect without its ";push"), or null. */
  redirect: string | null;
  /** The returned ActionState when the action answered instead of redirecting. */
  state: { status: string; message?: string; fieldErrors?: Record<string, string> } | null;
};

export async function callAction(base: string, cookie: string, exportedName: string, pagePath: string, fields: Record<string, string | string[]>): Promise<ActionReply> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  const body = await encodeReply([{ status: "idle" }, form]);
  const res = await fetch(base + pagePath, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { cookie, "next-action": actionId(exportedName), accept: "text/x-component", origin: base },
  });
  const text = await res.text();
  const redirect = res.headers.get("x-action-redirect")?.split(";")[0] ?? null;
  // The flight payload's row 1 is the action's return value when it did not redirect.
  const row = text.split("\n").find((line) => line.startsWith("1:{"));
  let state: ActionReply["state"] = null;
  if (row) {
    try {
      state = JSON.parse(row.slice(2));
    } catch {
      state = null;
    }
  }
  return { status: res.status, redirect, state };
}
