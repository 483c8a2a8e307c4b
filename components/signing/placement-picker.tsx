"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import { ChevronLeft, ChevronRight, Move } from "lucide-react";
import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist/legacy/build/pdf.mjs";
import { loadPdfjs } from "@/components/documents/pdfjs-loader";

export type PlacementLabels = {
  placement: string;
  modeManual: string;
  modeAuto: string;
  modeAnchor: string;
  page: string;
  /** With "{page}" and "{pages}". */
  pageOption: string;
  previousPage: string;
  nextPage: string;
  dragHint: string;
  /** With "{x}" and "{y}" (percent). */
  block: string;
  blockLabel: string;
  loadingPreview: string;
  previewFailed: string;
};

type Mode = "manual" | "auto" | "anchor";
type PageSize = { width: number; height: number };
/** A rectangle in fractions of the displayed page, top-left origin. */
type Area = { x: number; y: number; w: number; h: number };

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
const clamp = (v: number, min: number, max: number) => Math.min(Math.max(v, min), Math.max(min, max));
/** Half an inch from the page edges for the starting spot: inside the printable area of any printer. */
const START_MARGIN_PT = 36;
const GAP_PT = 8;

const overlaps = (a: Area, b: Area) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Bottom right, inside the margin; when an earlier signer's block is already there, the nearest free
 * spot above it, so a second signature never starts on top of the first.
 */
function startingSpot(size: PageSize, w: number, h: number, taken: Area[]): { x: number; y: number } {
  const x = clamp(1 - w - START_MARGIN_PT / size.width, 0, 1 - w);
  const first = clamp(1 - h - START_MARGIN_PT / size.height, 0, 1 - h);
  for (let y = first; y >= 0; y -= h + GAP_PT / size.height) {
    if (!taken.some((area) => overlaps(area, { x, y, w, h }))) return { x, y };
  }
  return { x, y: first };
}

/**
 * Where the signature goes: the page is drawn with pdf.js and a block of the real block's size (scaled)
 * is dragged on it with a finger, a mouse or the arrow keys. The position is posted as fractions of the
 * displayed page (top-left of the block), exactly what the signing pipeline maps onto rotated and
 * cropped pages. "Taruh otomatis" posts no position: the server takes the last page, bottom right.
 */
export function PlacementPicker({ fileUrl, blockWidth, blockHeight, labels }: { fileUrl: string; blockWidth: number; blockHeight: number; labels: PlacementLabels }) {
  const [mode, setMode] = useState<Mode>("manual");
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [pageIndex, setPageIndex] = useState(0);
  const [size, setSize] = useState<PageSize | null>(null);
  const [taken, setTaken] = useState<Area[]>([]);
  const [raw, setRaw] = useState<{ x: number; y: number } | null>(null);
  const [width, setWidth] = useState(0);
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ pointerId: number; startX: number; startY: number; x: number; y: number; moved: boolean } | null>(null);

  // Load the document once; start on the last page, where signatures usually go.
  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    (async () => {
      try {
        const [pdfjs, response] = await Promise.all([loadPdfjs(), fetch(fileUrl, { credentials: "same-origin" })]);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const data = new Uint8Array(await response.arrayBuffer());
        loaded = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: true }).promise;
        if (cancelled) return void loaded.destroy();
        setPageIndex(loaded.numPages - 1);
        setDoc(loaded);
      } catch {
        if (!cancelled) {
          setFailed(true);
          setMode("auto");
        }
      }
    })();
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
  }, [fileUrl]);

  // The preview is as wide as the screen allows.
  useEffect(() => {
    const el = frame.current;
    if (!el || mode !== "manual") return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [mode, doc]);

  // Draw the chosen page at the frame's width (sharp on high-density screens).
  useEffect(() => {
    if (!doc || !canvas.current || width === 0 || mode !== "manual") return;
    let task: RenderTask | null = null;
    let cancelled = false;
    (async () => {
      try {
        const page = await doc.getPage(pageIndex + 1);
        if (cancelled) return;
        const natural = page.getViewport({ scale: 1 }); // points, rotation and crop box applied
        // Earlier signatures on this page, where the new block should not start.
        const signatures = (await page.getAnnotations()).filter((a: { fieldType?: string }) => a.fieldType === "Sig");
        if (cancelled) return;
        setTaken(
          signatures.map((a: { rect: number[] }) => {
            const [x1, y1, x2, y2] = natural.convertToViewportRectangle(a.rect);
            return { x: Math.min(x1, x2) / natural.width, y: Math.min(y1, y2) / natural.height, w: Math.abs(x2 - x1) / natural.width, h: Math.abs(y2 - y1) / natural.height };
          }),
        );
        setSize({ width: natural.width, height: natural.height });
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: (width / natural.width) * ratio });
        const el = canvas.current!;
        el.width = Math.floor(viewport.width);
        el.height = Math.floor(viewport.height);
        task = page.render({ canvas: el, canvasContext: el.getContext("2d")!, viewport });
        await task.promise;
      } catch (error) {
        if (!cancelled && (error as Error)?.name !== "RenderingCancelledException") setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, pageIndex, width, mode]);

  const blockW = size ? Math.min(1, blockWidth / size.width) : 0;
  const blockH = size ? Math.min(1, blockHeight / size.height) : 0;

  // Starts bottom right (clear of earlier signatures); kept on the page when the page, and so its size, changes.
  const pos = size && blockW > 0 ? (raw ? { x: clamp(raw.x, 0, 1 - blockW), y: clamp(raw.y, 0, 1 - blockH) } : startingSpot(size, blockW, blockH, taken)) : null;

  const moveTo = useCallback((x: number, y: number) => setRaw({ x: clamp(x, 0, 1 - blockW), y: clamp(y, 0, 1 - blockH) }), [blockW, blockH]);

  function onPointerDown(event: PointerEvent<HTMLButtonElement>) {
    if (!pos || (event.pointerType === "mouse" && event.button !== 0)) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, x: pos.x, y: pos.y, moved: false };
  }

  function onPointerMove(event: PointerEvent<HTMLButtonElement>) {
    const d = drag.current;
    const box = frame.current?.getBoundingClientRect();
    if (!d || d.pointerId !== event.pointerId || !box) return;
    d.moved = true;
    moveTo(d.x + (event.clientX - d.startX) / box.width, d.y + (event.clientY - d.startY) / box.height);
  }

  function onPointerEnd(event: PointerEvent<HTMLButtonElement>) {
    if (drag.current?.pointerId === event.pointerId) drag.current = null;
  }

  // A tap on the page puts the block's centre there (a scroll gesture does not count as a tap).
  function onFrameClick(event: MouseEvent<HTMLDivElement>) {
    const box = frame.current?.getBoundingClientRect();
    if (!box || !size) return;
    moveTo((event.clientX - box.left) / box.width - blockW / 2, (event.clientY - box.top) / box.height - blockH / 2);
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (!pos) return;
    const step = event.shiftKey ? 0.1 : 0.01;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[event.key];
    if (!delta) return;
    event.preventDefault();
    moveTo(pos.x + delta[0], pos.y + delta[1]);
  }

  const pages = doc?.numPages ?? 0;
  const ready = mode === "manual" && doc && size && pos;
  const radio = (value: Mode, label: string) => (
    <button
      type="button"
      role="radio"
      aria-checked={mode === value}
      disabled={value === "manual" && failed}
      onClick={() => setMode(value)}
      className={`flex min-h-11 w-full items-center gap-3 rounded-lg border px-3 py-2 text-left text-sm font-medium disabled:opacity-50 ${
        mode === value ? "border-brand-700 bg-brand-50 text-brand-900" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
      }`}
    >
      <span aria-hidden className={`flex size-5 shrink-0 items-center justify-center rounded-full border-2 ${mode === value ? "border-brand-700" : "border-slate-400"}`}>
        {mode === value && <span className="size-2.5 rounded-full bg-brand-700" />}
      </span>
      {label}
    </button>
  );

  return (
    <fieldset className="space-y-3" data-testid="placement">
      <legend className="text-sm font-medium text-slate-800">{labels.placement}</legend>
      <input type="hidden" name="placement" value={ready ? "manual" : mode === "anchor" ? "anchor" : "auto"} />
      {ready && (
        <>
          <input type="hidden" name="pageIndex" value={pageIndex} />
          <input type="hidden" name="x" value={pos.x.toFixed(4)} />
          <input type="hidden" name="y" value={pos.y.toFixed(4)} />
        </>
      )}
      <div role="radiogroup" aria-label={labels.placement} className="grid gap-2 sm:grid-cols-3">
        {radio("manual", labels.modeManual)}
        {radio("auto", labels.modeAuto)}
        {radio("anchor", labels.modeAnchor)}
      </div>
      {failed && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {labels.previewFailed}
        </p>
      )}
      {mode === "manual" && !failed && (
        // As wide as a phone allows; on wide screens about a screen high, so the whole page is in view.
        <div className="mx-auto max-w-md space-y-2">
          {pages > 1 && (
            <div className="flex items-center gap-2">
              <button
                type="button"
                onClick={() => setPageIndex((i) => Math.max(0, i - 1))}
                disabled={pageIndex === 0}
                aria-label={labels.previousPage}
                className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg border border-slate-300 bg-white hover:bg-slate-100 disabled:opacity-40"
              >
                <ChevronLeft aria-hidden className="size-5" />
              </button>
              <select
                aria-label={labels.page}
                value={pageIndex}
                onChange={(e) => setPageIndex(Number(e.target.value))}
                className="block min-h-11 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 text-base"
              >
                {Array.from({ length: pages }, (_, i) => (
                  <option key={i} value={i}>
                    {fill(labels.pageOption, { page: i + 1, pages })}
                  </option>
                ))}
              </select>
              <button
                type="button"
                onClick={() => setPageIndex((i) => Math.min(pages - 1, i + 1))}
                disabled={pageIndex >= pages - 1}
                aria-label={labels.nextPage}
                className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg border border-slate-300 bg-white hover:bg-slate-100 disabled:opacity-40"
              >
                <ChevronRight aria-hidden className="size-5" />
              </button>
            </div>
          )}
          <p id="placement-hint" className="text-xs text-slate-600">
            {labels.dragHint}
          </p>
          <div
            ref={frame}
            onClick={onFrameClick}
            className="relative w-full overflow-hidden rounded border border-slate-300 bg-white shadow-inner"
            style={size ? { aspectRatio: `${size.width} / ${size.height}` } : { minHeight: 200 }}
            data-testid="placement-frame"
          >
            <canvas ref={canvas} aria-hidden className="block h-full w-full" />
            {!ready && (
              <p role="status" className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-slate-700">
                {labels.loadingPreview}
              </p>
            )}
            {ready && (
              <button
                type="button"
                onPointerDown={onPointerDown}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerEnd}
                onPointerCancel={onPointerEnd}
                onClick={(e) => e.stopPropagation()}
                onKeyDown={onKeyDown}
                aria-label={fill(labels.block, { x: Math.round(pos.x * 100), y: Math.round(pos.y * 100) })}
                aria-describedby="placement-hint"
                data-testid="placement-block"
                className="absolute flex cursor-grab touch-none items-center gap-1 overflow-hidden rounded-sm border-2 border-brand-700 bg-brand-50/85 p-0.5 text-brand-900 shadow-md select-none active:cursor-grabbing"
                style={{ left: `${pos.x * 100}%`, top: `${pos.y * 100}%`, width: `${blockW * 100}%`, height: `${blockH * 100}%` }}
              >
                {/* A sketch of the real block: the QR square on the left, the text lines beside it. */}
                <span aria-hidden className="grid aspect-square h-full shrink-0 place-items-center rounded-sm border border-brand-700 bg-white text-[0.6rem] font-bold">
                  QR
                </span>
                <span aria-hidden className="flex min-w-0 flex-1 flex-col items-start gap-0.5 text-[0.6rem] leading-none font-semibold">
                  <span className="flex items-center gap-0.5">
                    <Move className="size-3" />
                    {labels.blockLabel}
                  </span>
                  <span className="h-1 w-full rounded bg-brand-700/40" />
                  <span className="h-1 w-4/5 rounded bg-brand-700/40" />
                  <span className="h-1 w-3/5 rounded bg-brand-700/40" />
                </span>
              </button>
            )}
          </div>
        </div>
      )}
    </fieldset>
  );
}
