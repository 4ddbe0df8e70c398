import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/**
 * A list's filters as a plain GET form: the filter lives in the URL (shareable, back-button
 * friendly), and the page reads it from its search params.
 */
export function FilterForm({
  action,
  submitLabel,
  clear,
  children,
}: {
  action: string;
  submitLabel: string;
  /** Shown while a filter is on: the link back to everything. */
  clear?: { label: string } | false;
  children: ReactNode;
}) {
  return (
    <Card className="mb-6 p-4">
      <form method="get" action={action} className="flex flex-wrap items-end gap-3">
        {children}
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary" className="border">
            {submitLabel}
          </Button>
          {clear ? (
            <Link href={action} className="text-sm">
              {clear.label}
            </Link>
          ) : null}
        </div>
      </form>
    </Card>
  );
}

export function FilterField({
  id,
  label,
  grow = false,
  children,
}: {
  id: string;
  label: string;
  grow?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={cn("grid gap-1.5", grow ? "min-w-56 flex-1" : "w-48")}>
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}
