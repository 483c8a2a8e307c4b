import { RouteLoading } from "@/components/ui/route-loading";

// Every page under the app shell streams behind this skeleton while it loads; forms and the wide tables keep
// their own loading.tsx with a skeleton of their shape.
export default function Loading() {
  return <RouteLoading variant="list" />;
}
