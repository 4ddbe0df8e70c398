import { ListPageSkeleton } from "@/components/page-skeleton";

export default function SmsLoading() {
  return <ListPageSkeleton />;
}
