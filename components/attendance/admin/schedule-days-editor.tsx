"use client";

import { useId, useState } from "react";
import { useFieldError } from "@/components/ui/action-form";

export type DayHours = { start: string; end: string } | null;
export type ScheduleDaysTexts = { title: string; weekdays: string[]; off: string; start: string; end: string; fillRegular: string; fillRamadan: string };

const input = "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 disabled:bg-slate-100 disabled:text-slate-500 aria-[invalid=true]:border-red-600";
const fillButton = "inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100";

/**
 * Seven weekdays, each either off or with start and end times, plus buttons that fill in the Perpres 21/2023 or
 * the Ramadan defaults. Controlled, so the fill buttons can set every row; the inputs still post as
 * `days.N.start`, `days.N.end` and `days.N.off`, so the form works the same once JavaScript is there or not.
 * A day off keeps its last times in memory, so unticking it brings them back.
 */
export function ScheduleDaysEditor({ initial, regular, ramadan, texts }: { initial: DayHours[]; regular: DayHours[]; ramadan: DayHours[]; texts: ScheduleDaysTexts }) {
  const [days, setDays] = useState(() => initial.map((d) => ({ off: d === null, start: d?.start ?? "07:30", end: d?.end ?? "16:00" })));
  const fill = (preset: DayHours[]) => setDays(preset.map((d, i) => ({ off: d === null, start: d?.start ?? days[i].start, end: d?.end ?? days[i].end })));
  const update = (i: number, change: Partial<(typeof days)[number]>) => setDays((all) => all.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const listError = useFieldError("days");
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-slate-900">{texts.title}</legend>
      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="button" className={fillButton} onClick={() => fill(regular)}>
          {texts.fillRegular}
        </button>
        <button type="button" className={fillButton} onClick={() => fill(ramadan)}>
          {texts.fillRamadan}
        </button>
      </div>
      <ol className="grid grid-cols-1 gap-2 lg:grid-cols-2">
        {days.map((d, i) => (
          <DayRow key={i} index={i} day={d} weekday={texts.weekdays[i]} texts={texts} onChange={(change) => update(i, change)} />
        ))}
      </ol>
      {listError && <p className="text-sm text-red-700">{listError}</p>}
    </fieldset>
  );
}

function DayRow({
  index,
  day,
  weekday,
  texts,
  onChange,
}: {
  index: number;
  day: { off: boolean; start: string; end: string };
  weekday: string;
  texts: ScheduleDaysTexts;
  onChange: (change: Partial<{ off: boolean; start: string; end: string }>) => void;
}) {
  const id = useId();
  const error = useFieldError(`days.${index}`);
  const name = (part: string) => `days.${index}.${part}`;
  return (
    <li className={`rounded-lg border p-3 ${error ? "border-red-400" : "border-slate-200"}`}>
      <div className="flex items-center justify-between gap-3">
        <span id={`${id}-day`} className="font-medium text-slate-900">
          {weekday}
        </span>
        <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name={name("off")} checked={day.off} onChange={(e) => onChange({ off: e.target.checked })} className="size-5 accent-brand-700" />
          {texts.off}
        </label>
      </div>
      {!day.off && (
        <div className="mt-2 grid grid-cols-2 gap-2">
          <label className="space-y-1 text-xs font-medium text-slate-700">
            <span>{texts.start}</span>
            <input
              type="time"
              step={60}
              name={name("start")}
              value={day.start}
              onChange={(e) => onChange({ start: e.target.value })}
              aria-describedby={error ? `${id}-error` : `${id}-day`}
              aria-invalid={error ? true : undefined}
              className={input}
            />
          </label>
          <label className="space-y-1 text-xs font-medium text-slate-700">
            <span>{texts.end}</span>
            <input
              type="time"
              step={60}
              name={name("end")}
              value={day.end}
              onChange={(e) => onChange({ end: e.target.value })}
              aria-describedby={error ? `${id}-error` : `${id}-day`}
              aria-invalid={error ? true : undefined}
              className={input}
            />
          </label>
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
