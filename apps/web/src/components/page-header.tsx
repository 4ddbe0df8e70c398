import type { ReactNode } from "react";

/** The page's one h1, what it is for, and its page-wide actions. */
export function PageHeader({
  title,
  description,
  back,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** A link back up, e.g. to the list a record belongs to. */
  back?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="grid gap-1">
        {back ? <p className="text-sm">{back}</p> : null}
        <h1 className="font-semibold text-2xl tracking-tight">{title}</h1>
        {description ? <p className="max-w-3xl text-muted-foreground text-sm">{description}</p> : null}
      </div>
      {children ? <div className="flex flex-wrap items-center gap-2">{children}</div> : null}
    </header>
  );
}
