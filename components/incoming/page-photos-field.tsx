"use client";

import { useEffect, useId, useRef, useState } from "react";
import { ArrowDown, ArrowUp, X } from "lucide-react";
import { useFieldError } from "@/components/ui/action-form";

/** Keys are those of `incoming.photos` in messages/{id,en}/incoming.json; "{n}" is filled here. */
export type PagePhotosLabels = {
  label: string;
  hint: string;
  processing: string;
  count: string;
  page: string;
  remove: string;
  moveUp: string;
  moveDown: string;
  removed: string;
};

type Page = { key: number; file: File; url: string };

const fill = (text: string, n: number) => text.replace("{n}", String(n));

/** The longest side a page photo keeps: sharp enough to read a letter, a few hundred kB instead of several MB. */
const MAX_SIDE = 2200;
const SMALL_ENOUGH = 700_000;

/**
 * A phone photo made smaller before upload (drawn upright, re-encoded as JPEG), so several pages fit the
 * upload limit on a slow connection. Anything that cannot be decoded here is sent as it is; the server
 * checks it.
 */
async function shrink(file: File): Promise<File> {
  const plain = file.type === "image/jpeg" || file.type === "image/png";
  if (plain && file.size <= SMALL_ENOUGH) return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext("2d");
    if (!context) return file;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
    if (!blob || (plain && blob.size >= file.size)) return file;
    return new File([blob], `${file.name.replace(/\.[^.]*$/, "") || "halaman"}.jpg`, { type: "image/jpeg", lastModified: file.lastModified });
  } catch {
    return file;
  }
}

/**
 * Photos of a paper letter's pages, taken with the camera (capture="environment" opens it on phones) one
 * or several at a time: each pick is added to the list, shown as numbered thumbnails that can be reordered
 * or removed. The list lives in the real file input (`name`), so the form posts it like any file input;
 * without JavaScript the input still takes several photos in one pick.
 */
export function PagePhotosField({ name, labels }: { name: string; labels: PagePhotosLabels }) {
  const id = useId();
  const error = useFieldError(name);
  const input = useRef<HTMLInputElement>(null);
  // The list itself: event handlers that finish later (shrinking photos) must see the latest one.
  const current = useRef<Page[]>([]);
  const nextKey = useRef(1);
  const [pages, setPages] = useState<Page[]>([]);
  const [busy, setBusy] = useState(0);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const held = current;
    return () => held.current.forEach((p) => URL.revokeObjectURL(p.url));
  }, []);

  function update(next: Page[], message: string) {
    current.current = next;
    setPages(next);
    setAnnouncement(message);
    if (input.current) {
      const transfer = new DataTransfer();
      next.forEach((p) => transfer.items.add(p.file));
      input.current.files = transfer.files;
    }
  }

  async function onPick() {
    const picked = Array.from(input.current?.files ?? []);
    // The input now holds only this pick: put the list back at once, so a submit meanwhile sends it all.
    update(current.current, "");
    if (picked.length === 0) return;
    setBusy((n) => n + 1);
    const files = await Promise.all(picked.map(shrink));
    const added = files.map((file) => ({ key: nextKey.current++, file, url: URL.createObjectURL(file) }));
    const next = [...current.current, ...added];
    update(next, fill(labels.count, next.length));
    setBusy((n) => n - 1);
  }

  function remove(index: number) {
    const gone = current.current[index];
    URL.revokeObjectURL(gone.url);
    update(
      current.current.filter((_, i) => i !== index),
      fill(labels.removed, index + 1),
    );
  }

  function move(index: number, by: -1 | 1) {
    const next = [...current.current];
    const [page] = next.splice(index, 1);
    next.splice(index + by, 0, page);
    update(next, "");
  }

  const smallButton = "inline-flex size-11 shrink-0 items-center justify-center rounded-lg border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:opacity-40";

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {labels.label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {labels.hint}
      </p>
      <input
        ref={input}
        id={id}
        name={name}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        onChange={onPick}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1 aria-[invalid=true]:border-red-600"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
      <p aria-live="polite" className="text-sm text-slate-700">
        {busy > 0 ? labels.processing : announcement}
      </p>
      {pages.length > 0 && (
        <ol className="space-y-2" data-testid="page-photos">
          {pages.map((page, i) => (
            <li key={page.key} className="flex items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 p-2">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local preview (blob: URL), not a served image */}
              <img src={page.url} alt="" className="size-14 shrink-0 rounded border border-slate-300 bg-white object-cover" />
              <span className="min-w-0 flex-1 text-sm font-medium text-slate-900">{fill(labels.page, i + 1)}</span>
              <button type="button" className={smallButton} onClick={() => move(i, -1)} disabled={i === 0} aria-label={fill(labels.moveUp, i + 1)}>
                <ArrowUp aria-hidden className="size-5" />
              </button>
              <button type="button" className={smallButton} onClick={() => move(i, 1)} disabled={i === pages.length - 1} aria-label={fill(labels.moveDown, i + 1)}>
                <ArrowDown aria-hidden className="size-5" />
              </button>
              <button type="button" className={smallButton} onClick={() => remove(i)} aria-label={fill(labels.remove, i + 1)}>
                <X aria-hidden className="size-5" />
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
