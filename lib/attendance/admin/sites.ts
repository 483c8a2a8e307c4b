import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { attendanceSites, SITE_KINDS, units } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { invalidateAgencyRules } from "../agency-rules";
import type { Ctx, DbOrTx, Tx } from "@/lib/context";
import { DomainError, notFound } from "@/lib/errors";
import { assertScopeUnit, configurableAgency, parseInput } from "./access";
import { isCidr, splitNetworks } from "./cidr";
import { calendarDate, name120 } from "./fields";
import { asRecord, formNumber, formText, formTextOrNull, formUnitId } from "./form-values";
import { employeesOfUnits, recomputeAffected, recomputeWindow } from "./recompute-window";

// Geofences: offices of the agency or a unit (and its sub-units), and activity sites valid for a date range.
// The office's time zone is the clock of the people working there. A fence does not decide days by itself (a
// check-in already inside or outside stays so), but an office's zone does: moving an office to another zone,
// or another unit, changes the local clock its people's days are computed in, so that recomputes them.

/** The zones of Indonesia (no daylight saving). */
export const SITE_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export const RADIUS_MIN = 15;
export const RADIUS_MAX = 1000;

export const siteInputSchema = z
  .object({
    name: name120,
    kind: z.enum(SITE_KINDS, "validation.invalid"),
    /** null: the whole agency. */
    unitId: z.number("presensiAdmin.scopeInvalid").int("presensiAdmin.scopeInvalid").positive("presensiAdmin.scopeInvalid").nullable(),
    latitude: z.number("presensiAdmin.site.latitudeRange").min(-90, "presensiAdmin.site.latitudeRange").max(90, "presensiAdmin.site.latitudeRange"),
    longitude: z.number("presensiAdmin.site.longitudeRange").min(-180, "presensiAdmin.site.longitudeRange").max(180, "presensiAdmin.site.longitudeRange"),
    radiusMeters: z.number("presensiAdmin.site.radiusRange").int("presensiAdmin.site.radiusRange").min(RADIUS_MIN, "presensiAdmin.site.radiusRange").max(RADIUS_MAX, "presensiAdmin.site.radiusRange"),
    timeZone: z.enum(SITE_TIME_ZONES, "presensiAdmin.site.timeZoneInvalid"),
    validFrom: calendarDate.nullable(),
    validTo: calendarDate.nullable(),
    /** CIDR blocks separated by commas, spaces or new lines; empty when the network is not checked. */
    networks: z.string("validation.invalid").max(2000, "validation.tooLong"),
  })
  .superRefine((v, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (splitNetworks(v.networks).some((n) => !isCidr(n))) problem("networks", "presensiAdmin.site.networksInvalid");
    if (v.kind === "activity") {
      if (!v.validFrom) problem("validFrom", "presensiAdmin.site.activityDates");
      if (!v.validTo) problem("validTo", "presensiAdmin.site.activityDates");
    }
    if (v.validFrom && v.validTo && v.validTo < v.validFrom) problem("validTo", "validation.dateOrder");
  });
export type SiteInput = z.input<typeof siteInputSchema>;

export const siteForm = z.preprocess((raw) => {
  const f = asRecord(raw);
  return {
    name: formText(f.name),
    kind: formText(f.kind),
    unitId: formUnitId(f.unitId),
    latitude: formNumber(f.latitude),
    longitude: formNumber(f.longitude),
    radiusMeters: formNumber(f.radiusMeters),
    timeZone: formText(f.timeZone),
    validFrom: formTextOrNull(f.validFrom),
    validTo: formTextOrNull(f.validTo),
    networks: formText(f.networks),
  };
}, siteInputSchema);
export const siteUpdateForm = z.intersection(z.object({ siteId: z.coerce.number().int().positive() }), siteForm);
export const siteIdForm = z.object({ siteId: z.coerce.number().int().positive() });

export type SiteRow = typeof attendanceSites.$inferSelect;
export type SiteListRow = SiteRow & { unitName: string | null };

function withUnit(db: DbOrTx, agencyId: number, id?: number) {
  return db
    .select({ s: attendanceSites, unitName: units.name })
    .from(attendanceSites)
    .leftJoin(units, eq(units.id, attendanceSites.unitId))
    .where(and(eq(attendanceSites.agencyId, agencyId), id === undefined ? undefined : eq(attendanceSites.id, id)));
}

/** The agency's sites: active first, offices before activity sites, by name. */
export function listSites(ctx: Ctx): SiteListRow[] {
  const agencyId = configurableAgency(ctx);
  return withUnit(ctx.db, agencyId)
    .orderBy(desc(attendanceSites.active), desc(attendanceSites.kind), asc(attendanceSites.name), asc(attendanceSites.id))
    .all()
    .map((r) => ({ ...r.s, unitName: r.unitName }));
}

export function siteForAdmin(ctx: Ctx, id: number): SiteListRow {
  const agencyId = configurableAgency(ctx);
  const row = withUnit(ctx.db, agencyId, id).get();
  if (!row) throw notFound();
  return { ...row.s, unitName: row.unitName };
}

type SiteValues = Omit<typeof attendanceSites.$inferInsert, "id" | "agencyId" | "active" | "createdAt">;

function storedValues(v: z.output<typeof siteInputSchema>): SiteValues {
  const office = v.kind === "office";
  return {
    name: v.name,
    kind: v.kind,
    unitId: v.unitId,
    // Seven decimals are about a centimetre: more is noise from the phone or a copied map link.
    latitude: Math.round(v.latitude * 1e7) / 1e7,
    longitude: Math.round(v.longitude * 1e7) / 1e7,
    radiusMeters: v.radiusMeters,
    timeZone: v.timeZone,
    // An office stands for good; only an activity site has dates.
    validFrom: office ? null : v.validFrom,
    validTo: office ? null : v.validTo,
    networks: [...new Set(splitNetworks(v.networks).map((n) => n.toLowerCase()))].join(", "),
  };
}

const snapshot = (s: SiteValues & { active?: boolean }) => ({
  name: s.name,
  kind: s.kind ?? "office",
  unitId: s.unitId ?? null,
  latitude: s.latitude,
  longitude: s.longitude,
  radiusMeters: s.radiusMeters ?? 100,
  timeZone: s.timeZone ?? "Asia/Jakarta",
  validFrom: s.validFrom ?? null,
  validTo: s.validTo ?? null,
  networks: s.networks ?? "",
});

function ownSite(tx: Tx, agencyId: number, id: number): SiteRow {
  const row = tx.select().from(attendanceSites).where(and(eq(attendanceSites.id, id), eq(attendanceSites.agencyId, agencyId))).get();
  if (!row) throw notFound();
  return row;
}


type ZoneRelevant = { kind: string; unitId: number | null; timeZone: string; active: boolean };
/** What of a site decides anyone's clock: an active office's zone and whom it serves. */
const zoneKey = (s: ZoneRelevant) => (s.active && s.kind === "office" ? `${s.unitId}:${s.timeZone}` : "none");

/** Recomputes the people an office's zone reaches when that changed (see the module comment). */
function recomputeIfZoneChanged(tx: Tx, ctx: Ctx, agencyId: number, before: ZoneRelevant | null, after: ZoneRelevant): number {
  if (zoneKey(before ?? { ...after, active: false }) === zoneKey(after)) return 0;
  const versions = [before, after].filter((s): s is ZoneRelevant => s !== null && s.kind === "office");
  if (versions.some((s) => s.unitId === null)) return recomputeAffected(tx, agencyId, ctx.now);
  const window = recomputeWindow(tx, agencyId, ctx.now);
  return recomputeAffected(tx, agencyId, ctx.now, { employeeIds: employeesOfUnits(tx, agencyId, versions.map((s) => s.unitId as number), window) });
}

export function createSite(ctx: Ctx, input: SiteInput): { id: number } {
  const agencyId = configurableAgency(ctx);
  const values = storedValues(parseInput(siteInputSchema, input));
  return ctx.db.transaction(
    (tx) => {
      assertScopeUnit(tx, agencyId, values.unitId ?? null);
      const row = tx.insert(attendanceSites).values({ agencyId, ...values, active: true, createdAt: ctx.now }).returning().get();
      writeAudit(tx, ctx, { action: "attendance_site.created", entityType: "attendance_site", entityId: row.id, after: { ...snapshot(row), active: true } });
      invalidateAgencyRules(tx, agencyId);
      recomputeIfZoneChanged(tx, ctx, agencyId, null, row);
      return { id: row.id };
    },
    { behavior: "immediate" },
  );
}

export function updateSite(ctx: Ctx, id: number, input: SiteInput): { id: number; changed: boolean } {
  const agencyId = configurableAgency(ctx);
  const values = storedValues(parseInput(siteInputSchema, input));
  return ctx.db.transaction(
    (tx) => {
      const before = ownSite(tx, agencyId, id);
      assertScopeUnit(tx, agencyId, values.unitId ?? null, before.unitId);
      const old = snapshot(before);
      const next = snapshot(values);
      if (JSON.stringify(old) === JSON.stringify(next)) return { id, changed: false };
      const after = tx.update(attendanceSites).set(values).where(eq(attendanceSites.id, id)).returning().get();
      writeAudit(tx, ctx, { action: "attendance_site.updated", entityType: "attendance_site", entityId: id, before: old, after: next });
      invalidateAgencyRules(tx, agencyId);
      recomputeIfZoneChanged(tx, ctx, agencyId, before, after);
      return { id, changed: true };
    },
    { behavior: "immediate" },
  );
}

/** Takes a site out of use (false) or back into use (true). */
export function setSiteActive(ctx: Ctx, id: number, active: boolean): { id: number } {
  const agencyId = configurableAgency(ctx);
  return ctx.db.transaction(
    (tx) => {
      const before = ownSite(tx, agencyId, id);
      if (before.active === active) throw new DomainError("conflict", active ? "presensiAdmin.alreadyActive" : "presensiAdmin.alreadyInactive");
      tx.update(attendanceSites).set({ active }).where(eq(attendanceSites.id, id)).run();
      writeAudit(tx, ctx, {
        action: active ? "attendance_site.reactivated" : "attendance_site.deactivated",
        entityType: "attendance_site",
        entityId: id,
        before: { active: before.active },
        after: { active },
      });
      invalidateAgencyRules(tx, agencyId);
      recomputeIfZoneChanged(tx, ctx, agencyId, before, { ...before, active });
      return { id };
    },
    { behavior: "immediate" },
  );
}

/** The map link for a point (OpenStreetMap needs no key and no script on our page). */
export const mapLink = (latitude: number, longitude: number) => `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
