import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { count } from "drizzle-orm";
import type { Db } from "../index";
import { classificationCodes } from "../schema";

/** The archive classification codes of Permendagri 83/2022 (columns kode,nama). */
export function classificationCsvPath(): string {
  return path.join(process.cwd(), "db", "seed", "klasifikasi-arsip.csv");
}

export type ClassificationRow = { code: string; name: string; parentCode: string | null };

const CODE_PATTERN = /^\d{3}(\.\d+)*$/;

/** "800.1.2" -> "800.1"; a top-level code ("800") has no parent. */
export function parentCodeOf(code: string): string | null {
  const i = code.lastIndexOf(".");
  return i < 0 ? null : code.slice(0, i);
}

/**
 * Parses the CSV (quoted fields may contain commas) and checks it: well-formed, unique codes, and every
 * code's parent present. Throws on the first problem rather than seeding a broken tree.
 */
export function parseClassificationCsv(text: string): ClassificationRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new Error(`klasifikasi-arsip.csv: ${e.message} (row ${e.row ?? "?"})`);
  }
  const rows: ClassificationRow[] = [];
  const seen = new Set<string>();
  for (const [i, record] of parsed.data.entries()) {
    const code = (record.kode ?? "").trim();
    const name = (record.nama ?? "").trim().replace(/\s+/g, " ");
    if (!CODE_PATTERN.test(code) || !name) throw new Error(`klasifikasi-arsip.csv: bad row ${i + 2}: ${JSON.stringify(record)}`);
    if (seen.has(code)) throw new Error(`klasifikasi-arsip.csv: duplicate code ${code}`);
    seen.add(code);
    rows.push({ code, name, parentCode: parentCodeOf(code) });
  }
  for (const row of rows) {
    if (row.parentCode !== null && !seen.has(row.parentCode)) {
      throw new Error(`klasifikasi-arsip.csv: the parent ${row.parentCode} of ${row.code} is missing`);
    }
  }
  return rows;
}

/**
 * Loads all classification codes in one transaction. Does nothing when the table already has rows.
 * Returns the number of codes inserted (0 when skipped).
 */
export function seedClassificationCodes(db: Db, file: string = classificationCsvPath()): number {
  const isEmpty = () => (db.select({ n: count() }).from(classificationCodes).get()?.n ?? 0) === 0;
  if (!isEmpty()) return 0;
  const rows = parseClassificationCsv(fs.readFileSync(file, "utf8"));
  return db.transaction(
    (tx) => {
      // Checked again under the write lock, in case another process seeded meanwhile.
      if ((tx.select({ n: count() }).from(classificationCodes).get()?.n ?? 0) > 0) return 0;
      for (let i = 0; i < rows.length; i += 500) {
        tx.insert(classificationCodes).values(rows.slice(i, i + 500)).run();
      }
      return rows.length;
    },
    { behavior: "immediate" },
  );
}
