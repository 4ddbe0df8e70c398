import { ScheduleSkeleton } from "@/components/page-skeleton";

export default function ScheduleLoading() {
  return <ScheduleSkeleton />;
}
