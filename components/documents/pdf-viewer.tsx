"use client";

import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { Download, ZoomIn, ZoomOut } from "lucide-react";
import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist/legacy/build/pdf.mjs";
import { loadPdfjs } from "./pdfjs-loader";

/** Keys are those of `compose.pdf` in messages/{id,en}/naskah-compose.json. */
export type PdfViewerLabels = {
  loading: string;
  updating: string;
  failed: string;
  /** With "{page}" and "{pages}". */
  pageCount: string;
  /** With "{page}". */
  page: string;
  zoomIn: string;
  zoomOut: string;
  fitWidth: string;
  /** With "{percent}". */
  zoomLevel: string;
  download: string;
};

type Size = { width: number; height: number };
type Loaded = { src: string; doc: PDFDocumentProxy; sizes: Size[] };

/** Multiples of "fit width"; above 1 the pages scroll sideways. */
const ZOOMS = [1, 1.5, 2];
/**
 * Device pixels per page canvas at most: sharp text at 200% on a 3x phone screen would otherwise take
 * some 30 MB per page, which mid-range phones run out of on a few pages.
 */
const MAX_CANVAS_PIXELS = 5_000_000;
const MAX_PIXEL_RATIO = 3;

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/**
 * A PDF drawn with pdf.js, because phone browsers do not show PDFs inline: every page as a canvas as wide
 * as the viewer (sharp on high-density screens), drawn only when it scrolls near view, with zoom, the page
 * number and a download link. A new `src` (the live preview adds a version) is loaded in the background:
 * the old pages stay on screen until the new document is ready, and each page is swapped in one step.
 */
export function PdfViewer({ src, title, downloadName, labels }: { src: string; title: string; downloadName?: string; labels: PdfViewerLabels }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const [zoomIndex, setZoomIndex] = useState(0);
  const [width, setWidth] = useState(0);
  const [currentPage, setCurrentPage] = useState(1);
  const scroller = useRef<HTMLDivElement>(null);
  const pageBoxes = useRef<(HTMLDivElement | null)[]>([]);
  const scrollFrame = useRef(0);
  const keepScroll = useRef<{ top: number; left: number } | null>(null);
  const section = useRef<HTMLElement>(null);
  const near = useNearView(section);

  // Load (or reload) the document; the one on screen is replaced only once the new one has opened. Not before
  // the viewer comes near the screen: pdf.js is 150 kB compressed plus a 1.3 MB worker, which on a weak
  // connection would compete with the page itself (on a phone the viewer is usually below the details).
  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    const controller = new AbortController();
    (async () => {
      let doc: PDFDocumentProxy | null = null;
      try {
        const [pdfjs, response] = await Promise.all([loadPdfjs(), fetch(src, { credentials: "same-origin", signal: controller.signal })]);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const data = new Uint8Array(await response.arrayBuffer());
        doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: true }).promise;
        const opened = doc;
        // Page sizes up front: the pages not drawn yet still take their place, so scrolling does not jump.
        const sizes = await Promise.all(
          Array.from({ length: opened.numPages }, async (_, i) => {
            const viewport = (await opened.getPage(i + 1)).getViewport({ scale: 1 }); // rotation and crop box applied
            return { width: viewport.width, height: viewport.height };
          }),
        );
        if (cancelled) return void opened.destroy();
        setLoaded({ src, doc: opened, sizes });
        setFailedSrc(null);
      } catch {
        void doc?.destroy();
        if (!cancelled) setFailedSrc(src);
      }
    })();
    return () => {
      cancelled = true;
      controller.abort();
    };
  }, [src, near]);

  // A document leaves memory when the next one replaces it, or with the viewer.
  useEffect(() => {
    const doc = loaded?.doc;
    return () => void doc?.destroy();
  }, [loaded]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // After a zoom, the same part of the document stays in view.
  useLayoutEffect(() => {
    const el = scroller.current;
    const kept = keepScroll.current;
    if (!el || !kept) return;
    keepScroll.current = null;
    el.scrollTop = kept.top * el.scrollHeight;
    el.scrollLeft = kept.left * el.scrollWidth;
  }, [zoomIndex]);

  function zoomTo(index: number) {
    const el = scroller.current;
    if (el) keepScroll.current = { top: el.scrollTop / Math.max(1, el.scrollHeight), left: el.scrollLeft / Math.max(1, el.scrollWidth) };
    setZoomIndex(index);
  }

  function onScroll() {
    if (scrollFrame.current) return;
    scrollFrame.current = requestAnimationFrame(() => {
      scrollFrame.current = 0;
      const el = scroller.current;
      if (!el) return;
      // The page that covers the upper third of the viewer is the one being read.
      const mark = el.scrollTop + el.clientHeight / 3;
      let page = 1;
      pageBoxes.current.forEach((box, i) => {
        if (box && box.offsetTop <= mark) page = i + 1;
      });
      setCurrentPage(page);
    });
  }
  useEffect(() => () => cancelAnimationFrame(scrollFrame.current), []);

  const failed = failedSrc === src;
  const pages = failed ? 0 : (loaded?.sizes.length ?? 0);
  const widest = Math.max(1, ...(loaded?.sizes.map((s) => s.width) ?? [1]));
  const zoom = ZOOMS[zoomIndex];
  const scale = (width / widest) * zoom;
  const updating = !!loaded && loaded.src !== src && !failed;

  return (
    <section ref={section} aria-label={title} className="overflow-hidden rounded-lg border border-slate-300 bg-white" data-testid="pdf-viewer">
      <div className="flex flex-wrap items-center gap-x-1 border-b border-slate-200 bg-slate-50 px-2 py-1">
        <p className="min-w-0 flex-1 text-sm whitespace-nowrap text-slate-800 tabular-nums" aria-live="polite">
          {pages > 0 ? fill(labels.pageCount, { page: Math.min(currentPage, pages), pages }) : ""}
        </p>
        <div className="flex items-center">
          <button
            type="button"
            onClick={() => zoomTo(zoomIndex - 1)}
            disabled={zoomIndex === 0 || pages === 0}
            aria-label={labels.zoomOut}
            title={labels.zoomOut}
            className="inline-flex size-11 items-center justify-center rounded-lg text-slate-800 hover:bg-slate-200 disabled:opacity-40"
          >
            <ZoomOut aria-hidden className="size-5" />
          </button>
          <span className="min-w-12 text-center text-xs text-slate-700" aria-live="polite">
            {zoom === 1 ? labels.fitWidth : fill(labels.zoomLevel, { percent: Math.round(zoom * 100) })}
          </span>
          <button
            type="button"
            onClick={() => zoomTo(zoomIndex + 1)}
            disabled={zoomIndex === ZOOMS.length - 1 || pages === 0}
            aria-label={labels.zoomIn}
            title={labels.zoomIn}
            className="inline-flex size-11 items-center justify-center rounded-lg text-slate-800 hover:bg-slate-200 disabled:opacity-40"
          >
            <ZoomIn aria-hidden className="size-5" />
          </button>
        </div>
        <a
          href={src}
          download={downloadName ?? ""}
          className="inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-lg px-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
          aria-label={labels.download}
          title={labels.download}
        >
          <Download aria-hidden className="size-5" />
          <span aria-hidden className="hidden sm:inline">
            {labels.download}
          </span>
        </a>
      </div>
      <div ref={scroller} onScroll={onScroll} className="relative max-h-[75dvh] min-h-48 overflow-auto bg-slate-200 p-2">
        {failed ? (
          <p role="alert" className="m-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {labels.failed}
          </p>
        ) : !loaded ? (
          <p role="status" className="flex min-h-44 items-center justify-center p-4 text-center text-sm text-slate-700">
            {labels.loading}
          </p>
        ) : (
          <div className="flex w-max min-w-full flex-col items-center gap-2">
            {width > 0 &&
              loaded.sizes.map((size, i) => (
                <PdfPage
                  key={i}
                  ref={(el) => {
                    pageBoxes.current[i] = el;
                  }}
                  doc={loaded.doc}
                  index={i}
                  cssWidth={Math.floor(size.width * scale)}
                  cssHeight={Math.floor(size.height * scale)}
                  root={scroller}
                  label={fill(labels.page, { page: i + 1 })}
                />
              ))}
          </div>
        )}
        {updating && (
          <p role="status" className="sticky bottom-0 mx-auto mt-2 w-fit rounded-full bg-slate-800/90 px-3 py-1 text-xs text-white">
            {labels.updating}
          </p>
        )}
      </div>
    </section>
  );
}

function PdfPage({
  ref,
  doc,
  index,
  cssWidth,
  cssHeight,
  root,
  label,
}: {
  ref: (el: HTMLDivElement | null) => void;
  doc: PDFDocumentProxy;
  index: number;
  cssWidth: number;
  cssHeight: number;
  root: RefObject<HTMLDivElement | null>;
  label: string;
}) {
  const box = useRef<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(false);

  // Drawn when it comes within a screen of view; once drawn, it stays (and is redrawn on zoom or a new document).
  useEffect(() => {
    const el = box.current;
    if (!el || near) return;
    const observer = new IntersectionObserver(([entry]) => entry.isIntersecting && setNear(true), { root: root.current, rootMargin: "100% 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [root, near]);

  useEffect(() => {
    if (!near || cssWidth <= 0) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    (async () => {
      try {
        const page = await doc.getPage(index + 1);
        if (cancelled) return;
        const natural = page.getViewport({ scale: 1 });
        let scale = (cssWidth / natural.width) * Math.min(window.devicePixelRatio || 1, MAX_PIXEL_RATIO);
        const pixels = natural.width * natural.height * scale * scale;
        if (pixels > MAX_CANVAS_PIXELS) scale *= Math.sqrt(MAX_CANVAS_PIXELS / pixels);
        const viewport = page.getViewport({ scale });
        // Drawn off screen and copied in one step: the previous picture stays until the new one is complete.
        const offscreen = document.createElement("canvas");
        offscreen.width = Math.floor(viewport.width);
        offscreen.height = Math.floor(viewport.height);
        task = page.render({ canvas: offscreen, canvasContext: offscreen.getContext("2d")!, viewport });
        await task.promise;
        const el = canvas.current;
        if (cancelled || !el) return;
        el.width = offscreen.width;
        el.height = offscreen.height;
        el.getContext("2d")!.drawImage(offscreen, 0, 0);
      } catch {
        // Cancelled by a newer drawing or a replaced document; a broken page simply stays blank.
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, index, cssWidth, near]);

  return (
    <div
      ref={(el) => {
        box.current = el;
        ref(el);
      }}
      role="img"
      aria-label={label}
      className="shrink-0 bg-white shadow"
      style={{ width: cssWidth, height: cssHeight }}
    >
      <canvas ref={canvas} aria-hidden className="block h-full w-full" />
    </div>
  );
}

/** True once the element has come within half a screen below the viewport (and stays true). */
function useNearView(element: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = element.current;
    if (!el || near) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: "0px 0px 50% 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [element, near]);
  return near;
}
