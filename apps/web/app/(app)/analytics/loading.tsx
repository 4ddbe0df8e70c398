import { AnalyticsSkeleton } from "@/components/page-skeleton";

export default function AnalyticsLoading() {
  return <AnalyticsSkeleton />;
}
