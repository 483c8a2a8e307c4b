"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Fingerprint, Loader2 } from "lucide-react";
import { freshPosition, geoFailureOf } from "./geolocate";
import { SelfieCapture, type SelfieLabels } from "./selfie-capture";

export type ClockLabels = {
  checkIn: string;
  checkOut: string;
  checkOutAgain: string;
  locating: string;
  sending: string;
  successIn: string;
  successOut: string;
  flagged: string;
  reasonLabel: string;
  reasonHint: string;
  sendWithReason: string;
  cancel: string;
  network: string;
  accuracy: string;
  serverTime: string;
  geo: Record<"geoDenied" | "geoUnavailable" | "geoTimeout" | "geoUnsupported", string>;
  flags: Record<string, string>;
  selfie: SelfieLabels;
  selfieRequired: string;
};

type Phase =
  | { step: "idle" }
  | { step: "locating" | "sending" }
  | { step: "done"; message: string; warning?: string }
  | { step: "error"; message: string }
  | { step: "reason"; message: string; position: Fix };

type Fix = { latitude: number; longitude: number; accuracy: number };

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/**
 * The one big button of the attendance screen. One press: a fresh high-accuracy position, then POST /api/presensi
 * with a request key made for this press, so a retry after a dropped connection cannot record twice. Outside the
 * fence the server refuses; the employee may then send the same press again with a reason, which the supervisor
 * reviews.
 */
export function ClockPanel({ labels, nextKind, checkedOutBefore, serverNow, zoneLabel, timeZone, selfieRequired }: {
  labels: ClockLabels;
  nextKind: "in" | "out";
  checkedOutBefore: boolean;
  serverNow: number;
  zoneLabel: string;
  timeZone: string;
  selfieRequired: boolean;
}) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [reason, setReason] = useState("");
  const [selfie, setSelfie] = useState<string | null>(null);
  const pressKey = useRef<string | null>(null);
  const busy = phase.step === "locating" || phase.step === "sending";

  async function send(position: Fix, withReason: string) {
    setPhase({ step: "sending" });
    pressKey.current ??= crypto.randomUUID();
    let response: Response;
    try {
      response = await fetch("/api/presensi", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind: nextKind, ...position, clientTime: Date.now(), requestKey: pressKey.current, reason: withReason, selfie: selfie ?? undefined }),
      });
    } catch {
      // Keep the key: pressing again resends this press, and the server answers with the first record if it got it.
      setPhase({ step: "error", message: labels.network });
      return;
    }
    const body = (await response.json().catch(() => ({}))) as { record?: { recordedAt: string; flags: string[] }; error?: { key: string; message: string } };
    if (body.record) {
      pressKey.current = null;
      const time = new Intl.DateTimeFormat("id-ID", { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(body.record.recordedAt)).replace(":", ".");
      const flags = body.record.flags.map((f) => labels.flags[f] ?? f).join(", ");
      setPhase({ step: "done", message: fill(nextKind === "in" ? labels.successIn : labels.successOut, { time }), warning: flags ? fill(labels.flagged, { flags }) : undefined });
      setReason("");
      router.refresh();
      return;
    }
    const error = body.error ?? { key: "", message: labels.network };
    if (error.key === "presensi.clock.outsideFence" || error.key === "presensi.clock.outsideHome") {
      setPhase({ step: "reason", message: error.message, position });
      return;
    }
    // A refusal is final for this press: the next press is a new one.
    pressKey.current = null;
    setPhase({ step: "error", message: error.message });
  }

  async function press() {
    if (busy) return;
    setPhase({ step: "locating" });
    try {
      const { coords } = await freshPosition();
      await send({ latitude: coords.latitude, longitude: coords.longitude, accuracy: coords.accuracy }, "");
    } catch (error) {
      const failure = geoFailureOf(error);
      setPhase({ step: "error", message: failure ? labels.geo[failure] : labels.network });
    }
  }

  const label = nextKind === "in" ? labels.checkIn : checkedOutBefore ? labels.checkOutAgain : labels.checkOut;
  const missingSelfie = selfieRequired && !selfie;
  return (
    <div className="space-y-4">
      <ServerClock serverNow={serverNow} timeZone={timeZone} zoneLabel={zoneLabel} label={labels.serverTime} />
      <SelfieCapture labels={labels.selfie} onChange={setSelfie} />
      {missingSelfie && <p className="text-center text-sm text-slate-700">{labels.selfieRequired}</p>}
      <div className="flex justify-center">
        <button
          type="button"
          onClick={press}
          disabled={busy || missingSelfie}
          data-testid="clock-button"
          className={`flex size-44 flex-col items-center justify-center gap-2 rounded-full text-lg font-bold text-white shadow-lg focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-brand-600 disabled:opacity-60 ${nextKind === "in" ? "bg-brand-700 active:bg-brand-900" : "bg-amber-700 active:bg-amber-800"}`}
        >
          {busy ? <Loader2 aria-hidden className="size-12 animate-spin" /> : <Fingerprint aria-hidden className="size-12" />}
          <span className="px-4 text-center leading-tight">{label}</span>
        </button>
      </div>
      <div aria-live="polite" className="min-h-6 text-center text-sm">
        {phase.step === "locating" && <p>{labels.locating}</p>}
        {phase.step === "sending" && <p>{labels.sending}</p>}
        {phase.step === "done" && (
          <div className="space-y-2">
            <p role="status" data-testid="clock-success" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
              {phase.message}
            </p>
            {phase.warning && <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">{phase.warning}</p>}
          </div>
        )}
        {phase.step === "error" && (
          <p data-testid="clock-error" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-left text-red-800">
            {phase.message}
          </p>
        )}
      </div>
      {phase.step === "reason" && (
        <form
          className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) void send(phase.position, reason.trim());
          }}
        >
          <p data-testid="clock-outside" className="text-sm text-amber-950">
            {phase.message}
          </p>
          <p className="text-xs text-amber-900">{fill(labels.accuracy, { accuracy: Math.round(phase.position.accuracy) })}</p>
          <label className="block text-sm font-medium text-slate-900" htmlFor="clock-reason">
            {labels.reasonLabel}
          </label>
          <textarea
            id="clock-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            rows={3}
            required
            aria-describedby="clock-reason-hint"
            className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
          />
          <p id="clock-reason-hint" className="text-xs text-slate-700">
            {labels.reasonHint}
          </p>
          <div className="flex gap-2">
            <button type="submit" disabled={!reason.trim()} className="min-h-11 flex-1 rounded-lg bg-amber-700 px-4 text-sm font-semibold text-white disabled:opacity-60">
              {labels.sendWithReason}
            </button>
            <button
              type="button"
              onClick={() => {
                pressKey.current = null;
                setPhase({ step: "idle" });
              }}
              className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium"
            >
              {labels.cancel}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** The server's clock, ticking on the phone from the offset measured when the page was rendered. */
function ServerClock({ serverNow, timeZone, zoneLabel, label }: { serverNow: number; timeZone: string; zoneLabel: string; label: string }) {
  const [offset] = useState(() => serverNow - Date.now());
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [offset]);
  const text = new Intl.DateTimeFormat("id-ID", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(new Date(now)).replaceAll(":", ".");
  return (
    <p className="text-center">
      <span className="block text-xs tracking-wide text-slate-600 uppercase">{label}</span>
      <span className="text-4xl font-bold text-slate-900 tabular-nums" data-testid="server-clock" suppressHydrationWarning>
        {text}
      </span>{" "}
      <span className="text-sm font-semibold text-slate-700">{zoneLabel}</span>
    </p>
  );
}
