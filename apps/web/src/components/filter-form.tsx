import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "./field";

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

/** One filter: narrow, or taking the row's spare width with `grow`. */
export const FilterField = ({ grow = false, ...field }: ComponentProps<typeof Field> & { grow?: boolean }) => (
  <Field className={grow ? "min-w-56 flex-1" : "w-48"} {...field} />
);
