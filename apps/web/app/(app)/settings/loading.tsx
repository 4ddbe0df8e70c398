import { ListPageSkeleton } from "@/components/page-skeleton";

export default function SettingsLoading() {
  return <ListPageSkeleton />;
}
