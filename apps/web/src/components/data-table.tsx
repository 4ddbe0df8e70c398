import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

export type Column<Row> = {
  /** The column's heading; `hidden` keeps it for screen readers only (e.g. "Actions"). */
  header: string;
  hidden?: boolean;
  cell: (row: Row) => ReactNode;
  className?: string;
};

/**
 * A table from column definitions: every list in the app (patients, messages, members, keys …)
 * is rows of the same shape, so each says only what its columns are.
 */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  inactive,
  confirm,
}: {
  rows: readonly Row[];
  /** Falsy entries are left out, e.g. `edit && actionsColumn`. */
  columns: readonly (Column<Row> | false | null | undefined)[];
  rowKey: (row: Row) => string;
  /** Rows shown muted: revoked, inactive. */
  inactive?: (row: Row) => boolean;
  /** For rows that can be removed, revoked …: the last column's button that asks first (none for `null`). */
  confirm?: (row: Row) => ComponentProps<typeof ConfirmDialog> | null;
}) {
  const shown = [
    ...columns.filter((column): column is Column<Row> => Boolean(column)),
    ...(confirm ? [actionsColumn(confirm)] : []),
  ];
  return (
    <Table>
      <TableHeader>
        <TableRow>
          {shown.map((column) => (
            <TableHead key={column.header} className={column.className}>
              {column.hidden ? <span className="sr-only">{column.header}</span> : column.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)} data-inactive={inactive?.(row) || undefined}>
            {shown.map((column) => (
              <TableCell key={column.header} className={cn(column.hidden && "text-right", column.className)}>
                {column.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const actionsColumn = <Row,>(confirm: (row: Row) => ComponentProps<typeof ConfirmDialog> | null): Column<Row> => ({
  header: "Actions",
  hidden: true,
  cell: (row) => {
    const props = confirm(row);
    return props ? <ConfirmDialog {...props} /> : null;
  },
});

/** A row's "Active"/"Inactive" status. */
export const ActiveBadge = ({ active }: { active: boolean }) => (
  <Badge tone={active ? "success" : "neutral"}>{active ? "Active" : "Inactive"}</Badge>
);

/** A row's "Edit" action: a link to the page's form for that row, named for screen readers. */
export const EditLink = ({ href, name }: { href: string; name: string }) => (
  <Button asChild variant="outline" size="sm">
    <Link href={href} prefetch={false} aria-label={`Edit ${name}`}>
      Edit
    </Link>
  </Button>
);
