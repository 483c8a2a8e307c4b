import { RouteLoading } from "@/components/ui/route-loading";

export default function Loading() {
  return <RouteLoading variant="table" />;
}
