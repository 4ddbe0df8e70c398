import { ListPageSkeleton } from "@/components/page-skeleton";

export default function CallsLoading() {
  return <ListPageSkeleton />;
}
