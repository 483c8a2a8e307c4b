"use client";

import { useRef, useState } from "react";
import { LocateFixed } from "lucide-react";

export type LocateTexts = { label: string; locating: string; located: string; denied: string; unavailable: string; unsupported: string };

type Status = { kind: "idle" } | { kind: "busy" } | { kind: "ok"; accuracy: number } | { kind: "error"; message: string };

/**
 * Fills the enclosing form's latitude and longitude fields from the browser's position: high accuracy and no
 * cached fix, as for a check-in, so the admin standing in the office gets the office and not where the phone
 * last was. The admin still sees and can correct the numbers before saving.
 */
export function LocateButton({ texts }: { texts: LocateTexts }) {
  const ref = useRef<HTMLButtonElement>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  function locate() {
    if (!("geolocation" in navigator)) return setStatus({ kind: "error", message: texts.unsupported });
    setStatus({ kind: "busy" });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const form = ref.current?.form;
        const set = (name: string, value: number) => {
          const field = form?.elements.namedItem(name);
          if (field instanceof HTMLInputElement) field.value = value.toFixed(7);
        };
        set("latitude", position.coords.latitude);
        set("longitude", position.coords.longitude);
        setStatus({ kind: "ok", accuracy: Math.round(position.coords.accuracy) });
      },
      (error) => setStatus({ kind: "error", message: error.code === error.PERMISSION_DENIED ? texts.denied : texts.unavailable }),
      { enableHighAccuracy: true, maximumAge: 0, timeout: 30_000 },
    );
  }

  return (
    <div className="space-y-1">
      <button
        ref={ref}
        type="button"
        onClick={locate}
        disabled={status.kind === "busy"}
        className="inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-60 sm:w-auto"
      >
        <LocateFixed aria-hidden className="size-5" />
        {status.kind === "busy" ? texts.locating : texts.label}
      </button>
      <p role="status" className={`text-sm ${status.kind === "error" ? "text-red-700" : "text-slate-700"}`}>
        {status.kind === "ok" ? texts.located.replace("{accuracy}", String(status.accuracy)) : status.kind === "error" ? status.message : ""}
      </p>
    </div>
  );
}
