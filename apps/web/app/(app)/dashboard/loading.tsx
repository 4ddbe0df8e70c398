import { DashboardSkeleton } from "@/components/page-skeleton";

export default function DashboardLoading() {
  return <DashboardSkeleton />;
}
