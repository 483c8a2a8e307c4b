import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { formatNip, nikProblem, nipProblem, normalizeNip, parseNip } from "@/lib/org/nip";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Any well-formed NIP: real birth date from 1940, appointed 15-60 years later, gender 1 or 2. */
const validNip = fc
  .record({
    birth: fc.date({ min: new Date("1940-01-01T00:00:00Z"), max: new Date("2010-12-31T00:00:00Z"), noInvalidDate: true }),
    appointedAfter: fc.integer({ min: 15, max: 60 }),
    appointmentMonth: fc.integer({ min: 1, max: 12 }),
    gender: fc.constantFrom("1", "2"),
    serial: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ birth, appointedAfter, appointmentMonth, gender, serial }) => {
    const by = birth.getUTCFullYear();
    return `${by}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${by + appointedAfter}${pad(appointmentMonth, 2)}${gender}${pad(serial, 3)}`;
  });

describe("NIP", () => {
  test("a real-looking NIP parses into its parts", () => {
    expect(parseNip("198506152010031001")).toEqual({ birthDate: "1985-06-15", appointmentMonth: "2010-03", gender: "male", serial: "001" });
    expect(parseNip("19900229 201501 2 007")).toBeNull(); // 1990 is not a leap year
    expect(parseNip("19920229 201501 2 007")).toMatchObject({ birthDate: "1992-02-29", gender: "female" });
    expect(nipProblem("198506152010031001")).toBeNull();
    expect(nipProblem("198506152010031001")).toBeNull();
  });

  test("printed form with spaces is accepted and produced", () => {
    expect(normalizeNip("19850615 201003 1 001")).toBe("198506152010031001");
    expect(nipProblem("19850615 201003 1 001")).toBeNull();
    expect(formatNip("198506152010031001")).toBe("19850615 201003 1 001");
    expect(formatNip("123")).toBe("123");
  });

  test("17 or 19 digits: wrong length", () => {
    expect(nipProblem("19850615201003100")).toBe("nip.wrongLength");
    expect(nipProblem("1985061520100310011")).toBe("nip.wrongLength");
    expect(nipProblem("19850615201003100")).toBe("nip.wrongLength");
  });

  test("letters: not digits", () => {
    expect(nipProblem("19850615201003100A")).toBe("nip.notDigits");
    expect(nipProblem("NIP198506152010031")).toBe("nip.notDigits");
    expect(nipProblem("1985-06-15-2010031001")).toBe("nip.notDigits");
  });

  test("impossible birth date", () => {
    expect(nipProblem("198513152010031001")).toBe("nip.birthDate");
    expect(nipProblem("198502302010031001")).toBe("nip.birthDate"); // 30 February
    expect(nipProblem("193006152010031001")).toBe("nip.birthDate"); // before 1940
  });

  test("month of appointment out of range", () => {
    expect(nipProblem("198506152010131001")).toBe("nip.appointmentMonth");
    expect(nipProblem("198506152010001001")).toBe("nip.appointmentMonth");
  });

  test("appointed before the age of 15", () => {
    expect(nipProblem("198506151995031001")).toBe("nip.appointmentYear");
  });

  test("gender digit other than 1 or 2", () => {
    expect(nipProblem("198506152010033001")).toBe("nip.gender");
    expect(nipProblem("198506152010030001")).toBe("nip.gender");
  });

  test("property: every generated well-formed NIP parses, with its birth date and gender", () => {
    fc.assert(
      fc.property(validNip, (nip) => {
        const info = parseNip(nip);
        expect(info).not.toBeNull();
        expect(info!.birthDate.replace(/-/g, "")).toBe(nip.slice(0, 8));
        expect(info!.gender).toBe(nip[14] === "1" ? "male" : "female");
        expect(nipProblem(nip)).toBeNull();
        expect(nipProblem(nip)).toBeNull();
        expect(normalizeNip(formatNip(nip))).toBe(nip);
      }),
    );
  });

  test("property: any digit string of another length fails on length", () => {
    const digits = fc.array(fc.constantFrom(..."0123456789"), { minLength: 1, maxLength: 40 }).map((d) => d.join(""));
    fc.assert(
      fc.property(
        digits.filter((d) => d.length !== 18),
        (nip) => {
          expect(nipProblem(nip)).toBe("nip.wrongLength");
          expect(parseNip(nip)).toBeNull();
        },
      ),
    );
  });

  test("property: a letter anywhere in a valid NIP makes it fail", () => {
    fc.assert(
      fc.property(validNip, fc.integer({ min: 0, max: 17 }), fc.constantFrom(..."abcOIlxZ"), (nip, at, letter) => {
        const broken = nip.slice(0, at) + letter + nip.slice(at + 1);
        expect(nipProblem(broken)).toBe("nip.notDigits");
        expect(parseNip(broken)).toBeNull();
      }),
    );
  });

  test("property: a gender digit other than 1 or 2 always fails, naming the gender rule", () => {
    fc.assert(
      fc.property(validNip, fc.constantFrom("0", "3", "4", "5", "6", "7", "8", "9"), (nip, digit) => {
        const broken = nip.slice(0, 14) + digit + nip.slice(15);
        expect(parseNip(broken)).toBeNull();
        expect(nipProblem(broken)).toBe("nip.gender");
      }),
    );
  });
});

describe("NIK", () => {
  test("16 digits with a day of birth, +40 for women", () => {
    expect(nikProblem("3510011506850001")).toBeNull();
    expect(nikProblem("3510015506850001")).toBeNull(); // day 55 = 15 for a woman
    expect(nikProblem("351001150685000")).toBe("nik.wrongFormat");
    expect(nikProblem("3510013206850001")).toBe("nik.badContent"); // day 32
    expect(nikProblem("3510011513850001")).toBe("nik.badContent"); // month 13
  });
});
