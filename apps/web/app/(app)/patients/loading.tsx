import { ListPageSkeleton } from "@/components/page-skeleton";

export default function PatientsLoading() {
  return <ListPageSkeleton />;
}
