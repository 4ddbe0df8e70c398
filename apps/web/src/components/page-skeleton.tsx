import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

// What a section shows while its page loads (loading.tsx): the page's shape, not a spinner.

function HeaderSkeleton() {
  return (
    <div className="mb-6 grid gap-2">
      <Skeleton className="h-7 w-56" />
      <Skeleton className="h-4 w-96 max-w-full" />
    </div>
  );
}

function RowsSkeleton({ rows }: { rows: number }) {
  return (
    <div className="grid gap-3">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} className="h-5" />
      ))}
    </div>
  );
}

/** A page of cards with tables or forms (settings, patients, SMS). */
export function ListPageSkeleton({ cards = 2 }: { cards?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label="Loading">
      <HeaderSkeleton />
      <div className="grid gap-6">
        {Array.from({ length: cards }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Card key={i} className="grid gap-4 p-5">
            <Skeleton className="h-5 w-40" />
            <RowsSkeleton rows={i === 0 ? 5 : 3} />
          </Card>
        ))}
      </div>
    </div>
  );
}

/** The dashboard: four figures and the chart. */
export function DashboardSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading">
      <HeaderSkeleton />
      <div className="grid gap-6">
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          {Array.from({ length: 4 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={i} className="h-24 rounded-lg" />
          ))}
        </div>
        <Skeleton className="h-72 rounded-lg" />
      </div>
    </div>
  );
}

/** Analytics: the period bar, eight figures, the charts. */
export function AnalyticsSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading">
      <HeaderSkeleton />
      <Skeleton className="mb-6 h-16 rounded-lg" />
      <div className="grid gap-6">
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={i} className="h-28 rounded-lg" />
          ))}
        </div>
        <Skeleton className="h-80 rounded-lg" />
        <div className="grid gap-6 lg:grid-cols-2">
          <Skeleton className="h-72 rounded-lg" />
          <Skeleton className="h-72 rounded-lg" />
        </div>
      </div>
    </div>
  );
}

/** The schedule: toolbar, grid and the booking panel beside it. */
export function ScheduleSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading">
      <HeaderSkeleton />
      <Skeleton className="mb-4 h-8 w-full max-w-2xl" />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Skeleton className="h-[36rem] rounded-lg" />
        <Skeleton className="h-80 rounded-lg" />
      </div>
    </div>
  );
}
