import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { seedClassificationCodes } from "@/db/seed/classification";
import { classificationLabel, compareCodes, searchClassificationCodes } from "@/lib/reference/classification-search";
import { freshDb } from "./support/db";

let db: Db;
beforeAll(() => {
  db = freshDb();
  expect(seedClassificationCodes(db)).toBe(3023);
});

const codes = (q: string, limit?: number) => searchClassificationCodes(db, q, limit).map((m) => m.code);

describe("searchClassificationCodes", () => {
  it("puts the exact code first, then codes starting with it in code order", () => {
    const result = codes("800.1", 50);
    expect(result[0]).toBe("800.1");
    expect(result.slice(1, 4)).toEqual(["800.1.1", "800.1.1.1", "800.1.1.2"]);
    expect(result.every((c) => c.startsWith("800.1"))).toBe(true);
    // Numeric order per segment: 800.1.2 comes before 800.1.10.
    const ordered = [...result].sort(compareCodes);
    expect(result).toEqual(ordered);
  });

  it("returns the name and the ancestors' names", () => {
    const [match] = searchClassificationCodes(db, "800.1.11.4");
    expect(match).toEqual({ code: "800.1.11.4", name: "Cuti Tahunan", parents: ["KEPEGAWAIAN", "SUMBER DAYA MANUSIA", "Administrasi Pegawai"] });
  });

  it("finds codes by words of the name in any order and case", () => {
    expect(codes("cuti tahunan")).toEqual(["800.1.11.4"]);
    expect(codes("TAHUNAN cuti")).toEqual(["800.1.11.4"]);
    const sick = searchClassificationCodes(db, "sakit cuti");
    expect(sick.map((m) => m.name)).toContain("Cuti Sakit");
  });

  it("needs every word, and lets words match a parent's name after own-name matches", () => {
    const result = searchClassificationCodes(db, "cuti pegawai", 50);
    expect(result.length).toBeGreaterThan(3);
    for (const m of result) {
      const path = [...m.parents, m.name].join(" ").toLowerCase();
      expect(path).toContain("cuti");
      expect(path).toContain("pegawai");
    }
    expect(result.map((m) => m.code)).toContain("800.1.11.4");
  });

  it("ranks codes whose own name holds all words before path matches", () => {
    const result = searchClassificationCodes(db, "pegawai", 50);
    const own = result.map((m) => m.name.toLowerCase().includes("pegawai"));
    const firstPathOnly = own.indexOf(false);
    if (firstPathOnly >= 0) expect(own.slice(firstPathOnly).every((o) => !o)).toBe(true);
  });

  it("treats LIKE wildcards as literal characters", () => {
    expect(codes("%")).toEqual([]);
    expect(codes("_")).toEqual([]);
    expect(codes("800%")).toEqual([]);
    expect(codes("8_0")).toEqual([]);
  });

  it("caps the limit, the query length and ignores empty queries", () => {
    expect(codes("")).toEqual([]);
    expect(codes("   ")).toEqual([]);
    expect(codes("8")).toHaveLength(20);
    expect(codes("8", 5)).toHaveLength(5);
    expect(codes("8", 10_000)).toHaveLength(50);
    expect(codes("cuti ".repeat(500))).toEqual(codes("cuti"));
  });

  it("ignores one-letter words, which would match most of the list", () => {
    expect(codes("a")).toEqual([]);
    expect(codes("cuti a tahunan")).toEqual(["800.1.11.4"]);
  });

  it("returns nothing for words no code has", () => {
    expect(codes("zzzzqqq")).toEqual([]);
    expect(codes("999.9")).toEqual([]);
  });
});

describe("classificationLabel", () => {
  it("formats a known code and returns null for an unknown one", () => {
    expect(classificationLabel(db, "800.1.11.4")).toBe("800.1.11.4 — Cuti Tahunan");
    expect(classificationLabel(db, "999")).toBeNull();
  });
});
