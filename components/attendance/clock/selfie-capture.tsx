"use client";

import { useEffect, useRef, useState } from "react";
import { Camera, RotateCcw, X } from "lucide-react";

export type SelfieLabels = { add: string; take: string; retake: string; remove: string; ready: string; cameraDenied: string; preview: string; photo: string };

const MAX_BYTES = 50 * 1024;

/**
 * A live photo from the front camera (getUserMedia, so the gallery cannot be used), shrunk on the phone to a JPEG
 * of at most 50 KB before it is sent with the check-in.
 */
export function SelfieCapture({ labels, onChange }: { labels: SelfieLabels; onChange: (base64: string | null) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<"off" | "live" | "taken" | "denied">("off");
  const [photo, setPhoto] = useState<{ url: string; size: number } | null>(null);
  // The shutter waits for the first frame: a photo taken before it would be empty.
  const [streaming, setStreaming] = useState(false);

  useEffect(() => () => stop(), []);

  // The stream goes to the <video> once React has put it on the page: an animation frame may come before that
  // under load, and the camera would then never show.
  useEffect(() => {
    if (state !== "live" || !video.current || !stream.current) return;
    video.current.srcObject = stream.current;
    void video.current.play();
  }, [state]);

  function stop() {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  }

  async function open() {
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
      setStreaming(false);
      setState("live");
    } catch {
      setState("denied");
    }
  }

  function take() {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const { base64, size } = compress(v);
    stop();
    setPhoto({ url: `data:image/jpeg;base64,${base64}`, size });
    setState("taken");
    onChange(base64);
  }

  function remove() {
    stop();
    setPhoto(null);
    setState("off");
    onChange(null);
  }

  return (
    <div className="space-y-2" data-testid="selfie">
      {state === "off" && (
        <button type="button" onClick={open} className="flex min-h-11 w-full items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800">
          <Camera aria-hidden className="size-5" /> {labels.add}
        </button>
      )}
      {state === "denied" && <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{labels.cameraDenied}</p>}
      {state === "live" && (
        <div className="space-y-2">
          <video ref={video} playsInline muted aria-label={labels.preview} onLoadedData={() => setStreaming(true)} onPlaying={() => setStreaming(true)} className="mx-auto aspect-[4/3] w-full max-w-xs -scale-x-100 rounded-lg bg-slate-900 object-cover" />
          <button type="button" onClick={take} disabled={!streaming} className="flex min-h-11 w-full items-center justify-center gap-2 rounded-lg bg-slate-800 px-4 text-sm font-semibold text-white disabled:opacity-60">
            <Camera aria-hidden className="size-5" /> {labels.take}
          </button>
        </div>
      )}
      {state === "taken" && photo && (
        <div className="flex items-center gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL preview, nothing for next/image to optimise */}
          <img src={photo.url} alt={labels.photo} className="size-16 rounded-lg object-cover" />
          <p className="flex-1 text-sm text-slate-700">{labels.ready.replace("{size}", String(Math.ceil(photo.size / 1024)))}</p>
          <button type="button" onClick={open} aria-label={labels.retake} className="flex size-11 items-center justify-center rounded-lg border border-slate-300">
            <RotateCcw aria-hidden className="size-5" />
          </button>
          <button type="button" onClick={remove} aria-label={labels.remove} className="flex size-11 items-center justify-center rounded-lg border border-slate-300">
            <X aria-hidden className="size-5" />
          </button>
        </div>
      )}
    </div>
  );
}

/** Draws the frame at 320 px wide and lowers the JPEG quality (then the size) until it fits in 50 KB. */
function compress(v: HTMLVideoElement): { base64: string; size: number } {
  const canvas = document.createElement("canvas");
  for (let width = 320; width >= 120; width -= 40) {
    canvas.width = width;
    canvas.height = Math.round((v.videoHeight / v.videoWidth) * width);
    canvas.getContext("2d")!.drawImage(v, 0, 0, canvas.width, canvas.height);
    for (let quality = 0.7; quality >= 0.3; quality -= 0.1) {
      const base64 = canvas.toDataURL("image/jpeg", quality).split(",")[1];
      const size = Math.floor((base64.length * 3) / 4);
      if (size <= MAX_BYTES) return { base64, size };
    }
  }
  const base64 = canvas.toDataURL("image/jpeg", 0.3).split(",")[1];
  return { base64, size: Math.floor((base64.length * 3) / 4) };
}
