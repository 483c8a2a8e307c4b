"use client";

import { useId } from "react";
import { useFieldError } from "@/components/ui/action-form";

export type BucketRow = { code: string; fromMinute: number; toMinute: number | null; deductionPercent: number };
export type BucketTableTexts = { bucket: string; fromMinute: string; toMinute: string; deductionPercent: string; openEnded: string; /** "{code}: {column}", the accessible name of each cell's input. */ cellLabel: string };

const cell = "block min-h-11 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-base text-slate-900 tabular-nums aria-[invalid=true]:border-red-600";

/**
 * The four TL or PSW buckets as a small editable table: code, from minute, to minute (none for the last bucket,
 * which is open-ended) and the deduction. Four narrow columns fit a 360 px phone; each input is named
 * `field.N.column` for the policy form and labelled with its bucket and column for screen readers.
 */
const labelOf = (template: string, code: string, column: string) => template.replace("{code}", code).replace("{column}", column);

export function BucketTable({ field, title, hint, buckets, texts }: { field: string; title: string; hint?: string; buckets: BucketRow[]; texts: BucketTableTexts }) {
  const id = useId();
  const error = useFieldError(field);
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy}>
      <legend className="text-sm font-semibold text-slate-900">{title}</legend>
      <div className="overflow-x-auto">
        <table className="w-full min-w-72 table-fixed border-separate border-spacing-x-1 border-spacing-y-1 text-sm">
          <colgroup>
            <col className="w-16" />
            <col />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr className="text-left text-xs font-medium text-slate-600">
              <th scope="col">{texts.bucket}</th>
              <th scope="col">{texts.fromMinute}</th>
              <th scope="col">{texts.toMinute}</th>
              <th scope="col">{texts.deductionPercent}</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b, i) => {
              const last = i === buckets.length - 1;
              const name = (column: string) => `${field}.${i}.${column}`;
              return (
                <tr key={b.code}>
                  <th scope="row" className="text-left font-semibold text-slate-800">
                    {b.code}
                  </th>
                  <td>
                    <input name={name("fromMinute")} defaultValue={b.fromMinute} inputMode="numeric" aria-label={labelOf(texts.cellLabel, b.code, texts.fromMinute)} aria-invalid={error ? true : undefined} className={cell} />
                  </td>
                  <td>
                    {last ? (
                      <span className="block px-2 text-slate-600">{texts.openEnded}</span>
                    ) : (
                      <input name={name("toMinute")} defaultValue={b.toMinute ?? ""} inputMode="numeric" aria-label={labelOf(texts.cellLabel, b.code, texts.toMinute)} aria-invalid={error ? true : undefined} className={cell} />
                    )}
                  </td>
                  <td>
                    <input name={name("deductionPercent")} defaultValue={b.deductionPercent} inputMode="decimal" aria-label={labelOf(texts.cellLabel, b.code, texts.deductionPercent)} aria-invalid={error ? true : undefined} className={cell} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
