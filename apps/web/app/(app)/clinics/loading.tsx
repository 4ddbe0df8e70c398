import { ListPageSkeleton } from "@/components/page-skeleton";

export default function ClinicsLoading() {
  return <ListPageSkeleton />;
}
