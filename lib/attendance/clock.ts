import "server-only";
import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { attendanceRecords, attendanceRequests, employeeAttendanceSettings, positions, type ClockKind, type WorkMode } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx, DbOrTx, Tx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { sqliteFileStore } from "@/lib/files/file-store";
import { sniffImageType } from "@/lib/files/image-type";
import { groupCommit } from "@/db/group-commit";
import { prepared } from "@/db/prepared";
import { notifyPosition } from "@/lib/notifications/notify";
import { localDate, startOfLocalDay } from "@/lib/time";
import { allowedSites, assignmentSpans, cachedAgencyRules, dayRules, timeZoneFor, unitChain, unitOn, type AgencyRules, type Site } from "./agency-rules";
import { haversineMeters, nearestFence } from "./geo";
import { inNetworks } from "./networks";
import { recomputeDays } from "./recompute";
import { clockText } from "./schedule";

// Check-in and check-out from the phone. The time is the server's; the phone's clock is kept only as skew. The
// position, its accuracy, the distance to the fence, the IP and the speed since the previous record are kept as
// evidence, and anomalies are flagged for the supervisor: a browser cannot prove a position is not faked.

export const SELFIE_MAX_BYTES = 50 * 1024;

export const clockInputSchema = z.object({
  kind: z.enum(["in", "out"]),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000),
  /** The phone's clock when the button was pressed (ms since epoch): evidence only. */
  clientTime: z.number().int().positive(),
  /** Made by the phone once per press; a retry of the same press carries the same key. */
  requestKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  reason: z.string().trim().max(500).default(""),
  /** A JPEG from the front camera, base64, compressed on the phone; its size is checked once decoded. */
  selfie: z.string().max(SELFIE_MAX_BYTES * 4).optional(),
});
export type ClockInput = z.input<typeof clockInputSchema>;

export const ANOMALY_FLAGS = ["outside_fence", "impossible_speed", "clock_skew", "repeated_position", "outside_network"] as const;
export type AnomalyFlag = (typeof ANOMALY_FLAGS)[number];

export type ClockResult = {
  recordId: number;
  duplicate: boolean;
  kind: ClockKind;
  recordedAt: Date;
  localDate: string;
  timeZone: string;
  mode: WorkMode;
  siteName: string | null;
  distanceMeters: number | null;
  flags: AnomalyFlag[];
};

const refuse = (messageKey: string, params: Record<string, string | number> = {}) => new DomainError("invalid", messageKey, params);

/** For tests and scripts: one check-in in its own transaction. */
export function recordClock(ctx: Ctx, raw: ClockInput): ClockResult {
  const input = clockInputSchema.parse(raw);
  const existing = findByRequestKey(ctx, input.requestKey);
  if (existing) return existing;
  const selfie = input.selfie ? decodeSelfie(input.selfie) : null;
  try {
    return ctx.db.transaction((tx) => recordClockIn(tx, ctx, input, selfie), { behavior: "immediate" });
  } catch (error) {
    return afterUniqueViolation(ctx, input.requestKey, error);
  }
}

/** For the server: the same check-in, committed together with the others arriving at the same moment. */
export async function recordClockGrouped(ctx: Ctx, raw: ClockInput): Promise<ClockResult> {
  const input = clockInputSchema.parse(raw);
  const existing = findByRequestKey(ctx, input.requestKey);
  if (existing) return existing;
  const selfie = input.selfie ? decodeSelfie(input.selfie) : null;
  try {
    return await groupCommit(ctx.db, (tx) => recordClockIn(tx, ctx, input, selfie));
  } catch (error) {
    return afterUniqueViolation(ctx, input.requestKey, error);
  }
}

/** Two tabs sending the same press at once: the unique key stopped the second; answer with the first. */
function afterUniqueViolation(ctx: Ctx, requestKey: string, error: unknown): ClockResult {
  if (error instanceof Error && /UNIQUE constraint failed: attendance_records/.test(error.message)) {
    const first = findByRequestKey(ctx, requestKey);
    if (first) return first;
  }
  throw error;
}

function recordClockIn(tx: Tx, ctx: Ctx, input: z.output<typeof clockInputSchema>, selfie: Buffer | null): ClockResult {
  // Checked again under the write lock: the same press may sit twice in one group commit.
  const earlier = findByRequestKey(ctx, input.requestKey, tx);
  if (earlier) return earlier;
  const employeeId = ctx.actor.employeeId;
  const rules = cachedAgencyRules(tx, ctx.actor.agencyId, ctx.now);
  const chain = unitChain(rules, unitOn(assignmentSpans(tx, [employeeId]).get(employeeId), localDate(ctx.now, rules.agencyTimeZone)));
  const timeZone = timeZoneFor(rules, chain);
  const today = localDate(ctx.now, timeZone);
  const { workday, schedule, holidayName } = dayRules(rules, chain, today);
  if (holidayName) throw refuse("presensi.clock.holiday", { name: holidayName });
  if (!workday || !schedule) throw refuse("presensi.clock.notWorkday");

  const approved = prepared(tx, "clock.approvedToday", () =>
    tx
      .select({ kind: attendanceRequests.kind })
      .from(attendanceRequests)
      .where(and(eq(attendanceRequests.employeeId, sql.placeholder("employeeId")), eq(attendanceRequests.state, "approved"), lte(attendanceRequests.startDate, sql.placeholder("today")), gte(attendanceRequests.endDate, sql.placeholder("today"))))
      .prepare(),
  )
    .all({ employeeId, today })
    .map((r) => r.kind);
  if (approved.some((k) => k === "cuti" || k === "izin" || k === "sakit" || k === "tugas_belajar")) throw refuse("presensi.clock.excused");
  const mode: WorkMode = approved.includes("dinas_luar")
    ? "dinas_luar"
    : approved.includes("tugas_kedinasan")
      ? "tugas_kedinasan"
      : approved.includes("wfh")
        ? "wfh"
        : approved.includes("wfa")
          ? "wfa"
          : "wfo";

  const minute = Math.floor((ctx.now.getTime() - startOfLocalDay(today, timeZone).getTime()) / 60_000);
  const [opens, closes] = input.kind === "in" ? [schedule.checkInOpensMinute, schedule.checkInClosesMinute] : [schedule.checkOutOpensMinute, schedule.checkOutClosesMinute];
  if (minute < opens || minute > closes) {
    throw refuse(input.kind === "in" ? "presensi.clock.checkInClosed" : "presensi.clock.checkOutClosed", { opens: clockText(opens), closes: clockText(closes) });
  }
  if (input.kind === "in") {
    const first = prepared(tx, "clock.firstIn", () =>
      tx
        .select({ recordedAt: attendanceRecords.recordedAt })
        .from(attendanceRecords)
        .where(and(eq(attendanceRecords.employeeId, sql.placeholder("employeeId")), eq(attendanceRecords.localDate, sql.placeholder("today")), eq(attendanceRecords.kind, "in")))
        .prepare(),
    ).get({ employeeId, today });
    if (first) throw refuse("presensi.clock.alreadyIn", { time: clockText(minuteOfDay(first.recordedAt, today, timeZone)) });
  }

  const limit = rules.policy.accuracyLimitMeters;
  if (input.accuracy > limit) throw refuse("presensi.clock.poorAccuracy", { accuracy: Math.round(input.accuracy), limit });
  if (rules.policy.selfieRequired && !selfie) throw refuse("presensi.clock.selfieRequired");

  const point = { latitude: input.latitude, longitude: input.longitude };
  const place = placeOf(tx, rules, chain, today, mode, employeeId, point);
  const flags: AnomalyFlag[] = [];
  if (place.fenced && !place.inside) {
    if (!input.reason) throw refuse(place.isHome ? "presensi.clock.outsideHome" : "presensi.clock.outsideFence", { distance: Math.round(place.distanceMeters ?? 0), site: place.name ?? "" });
    flags.push("outside_fence");
  }
  const previous = prepared(tx, "clock.previous", () =>
    tx
      .select({ latitude: attendanceRecords.latitude, longitude: attendanceRecords.longitude, recordedAt: attendanceRecords.recordedAt })
      .from(attendanceRecords)
      .where(and(eq(attendanceRecords.employeeId, sql.placeholder("employeeId")), eq(attendanceRecords.source, "device")))
      .orderBy(desc(attendanceRecords.recordedAt))
      .limit(1)
      .prepare(),
  ).get({ employeeId });
  if (previous?.latitude != null && previous.longitude != null) {
    if (previous.latitude === point.latitude && previous.longitude === point.longitude) flags.push("repeated_position");
    const hours = (ctx.now.getTime() - previous.recordedAt.getTime()) / 3_600_000;
    const km = haversineMeters({ latitude: previous.latitude, longitude: previous.longitude }, point) / 1000;
    // Two fixes a few hundred metres apart a minute later are GPS noise, not travel: only distances beyond 1 km count.
    if (km > 1 && km / Math.max(hours, 1 / 3600) > rules.policy.maxSpeedKmh) flags.push("impossible_speed");
  }
  const skewMs = input.clientTime - ctx.now.getTime();
  if (Math.abs(skewMs) > rules.policy.maxClockSkewSeconds * 1000) flags.push("clock_skew");
  if (mode === "wfo" && rules.policy.checkOfficeNetwork && place.site?.networks.trim() && !inNetworks(ctx.request.ip, place.site.networks)) flags.push("outside_network");

  const selfieSha256 = selfie ? sqliteFileStore.put(tx, { data: selfie, mediaType: "image/jpeg" }, ctx.now) : null;
  const values: typeof attendanceRecords.$inferInsert = {
    agencyId: ctx.actor.agencyId,
    employeeId,
    kind: input.kind,
    recordedAt: ctx.now,
    localDate: today,
    timeZone,
    mode,
    latitude: point.latitude,
    longitude: point.longitude,
    accuracyMeters: input.accuracy,
    siteId: place.site?.id ?? null,
    distanceMeters: place.distanceMeters,
    clientTime: new Date(input.clientTime),
    clockSkewMs: skewMs,
    ip: ctx.request.ip.slice(0, 64),
    userAgent: ctx.request.userAgent.slice(0, 300),
    selfieSha256,
    reason: input.reason,
    flags: JSON.stringify(flags),
    reviewState: flags.length ? "pending" : "none",
    requestKey: input.requestKey,
    createdAt: ctx.now,
  };
  const row = prepared(tx, "clock.insertRecord", () =>
    tx
      .insert(attendanceRecords)
      .values(Object.fromEntries(Object.keys(values).map((k) => [k, sql.placeholder(k)])) as unknown as typeof values)
      .returning({ id: attendanceRecords.id })
      .prepare(),
  ).get(values)!;
  writeAudit(tx, ctx, {
    action: input.kind === "in" ? "attendance.checked_in" : "attendance.checked_out",
    entityType: "attendance_record",
    entityId: row.id,
    after: { mode, localDate: today, siteId: place.site?.id ?? null, distanceMeters: place.distanceMeters, accuracy: input.accuracy, flags, reason: input.reason || undefined },
  });
  recomputeDays(tx, { agencyId: ctx.actor.agencyId, employeeIds: [employeeId], from: today, to: today }, ctx.now, rules);
  if (flags.length) notifySupervisor(tx, ctx, today);
  return { recordId: row.id, duplicate: false, kind: input.kind, recordedAt: ctx.now, localDate: today, timeZone, mode, siteName: place.name, distanceMeters: place.distanceMeters, flags };
}

type Place = { fenced: boolean; inside: boolean; isHome: boolean; site: Site | null; name: string | null; distanceMeters: number | null };

/** Where the record was taken relative to what the day's mode requires. */
function placeOf(tx: Tx, rules: AgencyRules, chain: number[], today: string, mode: WorkMode, employeeId: number, point: { latitude: number; longitude: number }): Place {
  const sites = allowedSites(rules, chain, today);
  const nearest = nearestFence(point, sites);
  const atSite: Place = { fenced: false, inside: nearest?.inside ?? false, isHome: false, site: nearest?.fence ?? null, name: nearest?.fence.name ?? null, distanceMeters: nearest ? nearest.distanceMeters : null };
  if (mode === "wfo") {
    if (!nearest) throw refuse("presensi.clock.noSite");
    return { ...atSite, fenced: true };
  }
  if (mode === "wfh") {
    const home = tx.select().from(employeeAttendanceSettings).where(eq(employeeAttendanceSettings.employeeId, employeeId)).get();
    if (home?.homeLatitude == null || home.homeLongitude == null) throw refuse("presensi.clock.noHomePoint");
    const distanceMeters = haversineMeters(point, { latitude: home.homeLatitude, longitude: home.homeLongitude });
    return { fenced: true, inside: distanceMeters <= home.homeRadiusMeters, isHome: true, site: null, name: null, distanceMeters };
  }
  // WFA, dinas luar, tugas kedinasan: the position is recorded, no fence applies.
  return atSite;
}

function notifySupervisor(tx: Tx, ctx: Ctx, date: string): void {
  const own = ctx.actor.assignments.find((a) => a.kind === "definitif") ?? ctx.actor.acting;
  if (!own) return;
  const superiorId = tx.select({ superiorId: positions.superiorId }).from(positions).where(eq(positions.id, own.positionId)).get()?.superiorId;
  if (!superiorId) return;
  notifyPosition(tx, ctx, superiorId, {
    kind: "attendance_anomaly",
    messageKey: "notifications.messages.attendanceAnomaly",
    params: { name: ctx.actor.displayName, date },
    href: "/presensi/tim",
  });
}

function findByRequestKey(ctx: Ctx, requestKey: string, db: DbOrTx = ctx.db): ClockResult | null {
  const employeeId = ctx.actor.employeeId;
  const r = prepared(db, "clock.byRequestKey", () =>
    db
      .select()
      .from(attendanceRecords)
      .where(and(eq(attendanceRecords.employeeId, sql.placeholder("employeeId")), eq(attendanceRecords.requestKey, sql.placeholder("requestKey"))))
      .prepare(),
  ).get({ employeeId, requestKey });
  if (!r) return null;
  const site = r.siteId ? cachedAgencyRules(db, r.agencyId, ctx.now).sites.find((s) => s.id === r.siteId) : undefined;
  return {
    recordId: r.id,
    duplicate: true,
    kind: r.kind,
    recordedAt: r.recordedAt,
    localDate: r.localDate,
    timeZone: r.timeZone,
    mode: r.mode,
    siteName: site?.name ?? null,
    distanceMeters: r.distanceMeters,
    flags: JSON.parse(r.flags) as AnomalyFlag[],
  };
}

function decodeSelfie(base64: string): Buffer {
  const data = Buffer.from(base64.replace(/^data:image\/\w+;base64,/, ""), "base64");
  if (data.length > SELFIE_MAX_BYTES) throw refuse("presensi.clock.selfieTooLarge", { max: SELFIE_MAX_BYTES / 1024 });
  if (sniffImageType(data) !== "image/jpeg") throw refuse("presensi.clock.selfieNotJpeg");
  return data;
}

function minuteOfDay(instant: Date, date: string, timeZone: string): number {
  return Math.floor((instant.getTime() - startOfLocalDay(date, timeZone).getTime()) / 60_000);
}
