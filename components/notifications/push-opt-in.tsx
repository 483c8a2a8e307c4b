"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { idleState, type ActionState } from "@/lib/actions/action-state";

// The Akun card "push notifications on this device". Whether this browser receives pushes is the browser's own
// state (permission, a PushSubscription) joined with the server's (a stored subscription for the signed-in person):
// a subscription left by someone who used the phone before counts as off until this person turns it on.

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export type PushOptInTexts = {
  title: string;
  description: string;
  stateUnsupported: string;
  stateBlocked: string;
  stateOff: string;
  stateOn: string;
  stateChecking: string;
  enable: string;
  disable: string;
  working: string;
  failed: string;
  devicesTitle: string;
  thisDevice: string;
  removeDevice: string;
  removeDeviceLabel: string;
};

export type PushDevice = { id: number; label: string; endpointHash: string; since: string };

type State = "checking" | "unsupported" | "blocked" | "off" | "on";

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const raw = atob(base64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

const sameBytes = (a: ArrayBuffer | null | undefined, b: Uint8Array) => !!a && a.byteLength === b.length && new Uint8Array(a).every((x, i) => x === b[i]);

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const supported = () => typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window && !!crypto?.subtle;

/** The service worker's registration, waiting a little for a first install; null when there is none. */
async function registration(wait: boolean): Promise<ServiceWorkerRegistration | null> {
  const now = await navigator.serviceWorker.getRegistration();
  if (now?.active || !wait) return now ?? null;
  return Promise.race([navigator.serviceWorker.ready, new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000))]);
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

export function PushOptIn({
  publicKey,
  devices,
  texts,
  saveAction,
  removeAction,
  removeDeviceAction,
}: {
  publicKey: string;
  devices: PushDevice[];
  texts: PushOptInTexts;
  saveAction: FormAction;
  removeAction: FormAction;
  removeDeviceAction: FormAction;
}) {
  const router = useRouter();
  const [state, setState] = useState<State>("checking");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [thisHash, setThisHash] = useState<string | null>(null);
  const known = devices.map((d) => d.endpointHash).join(",");

  const check = useCallback(async () => {
    if (!supported()) return setState("unsupported");
    if (Notification.permission === "denied") return setState("blocked");
    const reg = await registration(false);
    const sub = reg ? await reg.pushManager.getSubscription() : null;
    const hash = sub ? await sha256Hex(sub.endpoint) : null;
    setThisHash(hash);
    const current = !!sub && sameBytes(sub.options.applicationServerKey, keyBytes(publicKey));
    setState(current && hash && known.split(",").includes(hash) && Notification.permission === "granted" ? "on" : "off");
  }, [known, publicKey]);

  useEffect(() => {
    // Reading the browser's state is the effect's whole point: it is not known before the page runs here.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    check().catch(() => setState("unsupported"));
  }, [check]);

  const report = (result: ActionState) => {
    if (result.status === "error") setMessage({ text: result.message, error: true });
    else if (result.status === "ok" && result.message) setMessage({ text: result.message, error: false });
  };

  async function enable() {
    setBusy(true);
    setMessage(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState(permission === "denied" ? "blocked" : "off");
        return;
      }
      const reg = await registration(true);
      if (!reg) throw new Error("no service worker");
      const key = keyBytes(publicKey);
      let sub = await reg.pushManager.getSubscription();
      // A subscription made for another server key (the keys were replaced) cannot be pushed to: start over.
      if (sub && !sameBytes(sub.options.applicationServerKey, key)) {
        await sub.unsubscribe();
        sub = null;
      }
      sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      const json = sub.toJSON();
      const result = await saveAction(idleState, form({ endpoint: sub.endpoint, p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "", userAgent: navigator.userAgent }));
      report(result);
      if (result.status === "ok") {
        setThisHash(await sha256Hex(sub.endpoint));
        setState("on");
        router.refresh();
      }
    } catch {
      setMessage({ text: texts.failed, error: true });
    } finally {
      setBusy(false);
    }
  }

  async function disable() {
    setBusy(true);
    setMessage(null);
    try {
      const reg = await registration(false);
      const sub = reg ? await reg.pushManager.getSubscription() : null;
      if (sub) {
        const endpoint = sub.endpoint;
        await sub.unsubscribe();
        report(await removeAction(idleState, form({ endpoint })));
      }
      setState("off");
      router.refresh();
    } catch {
      setMessage({ text: texts.failed, error: true });
    } finally {
      setBusy(false);
    }
  }

  async function removeDevice(id: number) {
    setBusy(true);
    setMessage(null);
    try {
      report(await removeDeviceAction(idleState, form({ subscriptionId: String(id) })));
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  const stateText = { checking: texts.stateChecking, unsupported: texts.stateUnsupported, blocked: texts.stateBlocked, off: texts.stateOff, on: texts.stateOn }[state];
  const others = devices.filter((d) => d.endpointHash !== thisHash || state !== "on");
  const button = "min-h-11 w-full rounded-lg px-4 font-semibold disabled:opacity-60 sm:w-auto";

  return (
    <section data-testid="push-opt-in" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-3 text-base font-semibold text-slate-900">{texts.title}</h2>
      <div className="space-y-3">
        <p className="text-sm text-slate-700">{texts.description}</p>
        {/* In words, with an icon-free sentence: the state is never told by colour alone. */}
        <p className="text-sm font-medium text-slate-800" data-testid="push-state" data-state={state}>
          {stateText}
        </p>
        {state === "off" && (
          <button type="button" data-testid="push-enable" className={`${button} bg-brand-700 text-white hover:bg-brand-900`} disabled={busy} onClick={() => void enable()}>
            {busy ? texts.working : texts.enable}
          </button>
        )}
        {state === "on" && (
          <button
            type="button"
            data-testid="push-disable"
            className={`${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}
            disabled={busy}
            onClick={() => void disable()}
          >
            {busy ? texts.working : texts.disable}
          </button>
        )}
        {message && (
          <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-red-700" : "text-slate-700"}`}>
            {message.text}
          </p>
        )}
        {others.length > 0 && (
          <div>
            <h3 className="text-sm font-medium text-slate-800">{texts.devicesTitle}</h3>
            <ul className="mt-1 divide-y divide-slate-100" data-testid="push-devices">
              {others.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0 flex-1 break-words text-sm text-slate-700">
                    {d.label}
                    {d.endpointHash === thisHash ? ` (${texts.thisDevice})` : ""} · {d.since}
                  </span>
                  <button
                    type="button"
                    className="min-h-11 min-w-11 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
                    aria-label={texts.removeDeviceLabel.replace("{device}", d.label)}
                    disabled={busy}
                    onClick={() => void removeDevice(d.id)}
                  >
                    {texts.removeDevice}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
