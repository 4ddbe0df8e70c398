import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** Nothing to show yet: say why, and what to do next. */
export function EmptyState({
  icon: Icon,
  title,
  children,
  action,
  className,
}: {
  icon?: LucideIcon;
  /** A heading, for a page-sized empty state; a list's own empty line needs none. */
  title?: string;
  children: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-2 rounded-lg border border-dashed bg-card/60 px-6 py-8 text-center",
        className,
      )}
    >
      {Icon ? (
        <span className="mb-1 rounded-full bg-muted p-2.5 text-muted-foreground">
          <Icon className="size-5" aria-hidden />
        </span>
      ) : null}
      {title ? <h2 className="font-semibold text-base">{title}</h2> : null}
      <div className="max-w-prose text-muted-foreground text-sm">{children}</div>
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
