import { type ReactNode, useId } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** A titled card: one region of a page, named by its heading for assistive technology. */
export function Panel({
  title,
  description,
  anchor,
  action,
  className,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  /** The section's id, for links to it (e.g. `#hours`). */
  anchor?: string;
  /** Beside the title, e.g. a close button. */
  action?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Card id={anchor} aria-labelledby={headingId} className={className}>
      <CardHeader className={action ? "grid-cols-[1fr_auto] items-start" : undefined}>
        <CardTitle id={headingId}>{title}</CardTitle>
        {action ? <div className="-mt-2 -mr-2">{action}</div> : null}
        {description ? <CardDescription className="col-span-full">{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
