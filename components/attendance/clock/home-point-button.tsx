"use client";

import { startTransition, useActionState, useState } from "react";
import { Home } from "lucide-react";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { freshPosition, geoFailureOf, type GeoFailure } from "./geolocate";

/** Registers where the employee stands now as their home point for WFH (the server checks accuracy and rights). */
export function HomePointButton({ action, label, geo }: { action: (previous: ActionState, formData: FormData) => Promise<ActionState>; label: string; geo: Record<GeoFailure, string> }) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const [geoError, setGeoError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);

  async function register() {
    setGeoError(null);
    setLocating(true);
    try {
      const { coords } = await freshPosition();
      const data = new FormData();
      data.set("latitude", String(coords.latitude));
      data.set("longitude", String(coords.longitude));
      data.set("accuracy", String(coords.accuracy));
      startTransition(() => formAction(data));
    } catch (error) {
      setGeoError(geo[geoFailureOf(error) ?? "geoUnavailable"]);
    } finally {
      setLocating(false);
    }
  }

  return (
    <div className="space-y-2">
      <button type="button" onClick={register} disabled={pending || locating} data-testid="home-point-register" className="flex min-h-11 w-full items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white disabled:opacity-60">
        <Home aria-hidden className="size-5" /> {label}
      </button>
      {(geoError || state.status === "error") && <p className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{geoError ?? (state.status === "error" ? state.message : "")}</p>}
      {state.status === "ok" && state.message && <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{state.message}</p>}
    </div>
  );
}
