import { PageLoading } from "@/components/ui/page-loading";

// The dashboard's aggregates are the slowest staff read: show its frame at once.
export default function DashboardLoading() {
  return (
    <div className="space-y-8">
      <div aria-hidden="true" className="h-9 w-2/3 animate-pulse rounded-md bg-slate-200" />
      <PageLoading label="Loading the dashboard…" />
    </div>
  );
}
