import { currentActor, requestContext } from "@/lib/auth/require-actor";
import { recapFileName } from "@/lib/attendance/recap/export-layout";
import { isMonth } from "@/lib/attendance/recap/month";
import { monthlyRecap } from "@/lib/attendance/recap/monthly-recap";
import { recapPdf } from "@/lib/attendance/recap/pdf";
import { agencyTimeZoneOf } from "@/lib/attendance/recap/scope";
import { recapXlsx } from "@/lib/attendance/recap/xlsx";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * GET /api/presensi/rekap?unit=<id>&bulan=YYYY-MM&format=xlsx|pdf: the monthly recap of a unit as a download, under
 * the same rule as the recap page (lib/attendance/recap/scope.ts). A unit the actor may not see is the same 404 as
 * a missing one.
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  const t = translator(actor?.locale ?? "id");
  if (!actor || actor.mustChangePassword) return text(t("rekap.download.signIn"), 401);
  const params = new URL(request.url).searchParams;
  const unit = params.get("unit") ?? "";
  const month = params.get("bulan") ?? "";
  const format = params.get("format") ?? "";
  if (!/^\d{1,12}$/.test(unit)) return text(t("rekap.download.notFound"), 404);
  if (format !== "xlsx" && format !== "pdf") return text(t("rekap.download.badFormat"), 400);
  if (!isMonth(month)) return text(t("rekap.invalidMonth"), 400);
  try {
    const ctx = await requestContext(actor);
    const recap = monthlyRecap(ctx, { unitId: Number(unit), month });
    const timeZone = agencyTimeZoneOf(ctx.db, actor.agencyId);
    const bytes = format === "xlsx" ? await recapXlsx(recap, t, actor.locale, timeZone) : await recapPdf(recap, t, actor.locale, timeZone);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": format === "xlsx" ? XLSX_TYPE : "application/pdf",
        "content-disposition": `attachment; filename="${recapFileName(recap, format)}"`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "sandbox",
        // Personnel data that changes with every check-in: never kept by a shared cache or replayed stale.
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) return text(t("rekap.download.notFound"), 404);
    if (error instanceof DomainError && error.code === "invalid") return text(t(error.messageKey), 400);
    throw error;
  }
}
