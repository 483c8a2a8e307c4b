import { getT } from "@/lib/i18n/server";
import { Skeleton } from "./skeleton";

/** The body of each loading.tsx under app/: the skeleton with its announcement in the reader's language. */
export async function RouteLoading({ variant = "list", rows }: { variant?: "list" | "form" | "table"; rows?: number }) {
  const { t } = await getT();
  return <Skeleton label={t("common.pageLoading")} variant={variant} rows={rows} />;
}
