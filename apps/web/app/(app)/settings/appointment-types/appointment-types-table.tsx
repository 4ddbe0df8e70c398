"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ClipboardList } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/trpc/react";

const minutes = (n: number) => (n === 0 ? "—" : `${n} min`);

export function AppointmentTypesTable({ edit }: { edit: boolean }) {
  const trpc = useTRPC();
  const { data: types } = useSuspenseQuery(trpc.appointmentTypes.list.queryOptions());
  const { data: providers } = useSuspenseQuery(trpc.providers.list.queryOptions());
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  if (types.length === 0) {
    return (
      <EmptyState icon={ClipboardList}>
        {edit
          ? "No appointment types yet. Add one below, then choose which providers offer it on the Providers page."
          : "No appointment types yet. Ask an owner or admin to add the visits your clinic offers."}
      </EmptyState>
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Length</TableHead>
          <TableHead>Buffer before</TableHead>
          <TableHead>Buffer after</TableHead>
          <TableHead>Offered by</TableHead>
          <TableHead>Status</TableHead>
          {edit ? <TableHead aria-label="Actions" /> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {types.map((type) => {
          const offeredBy = type.providers.map((p) => providerName.get(p.providerId)).filter(Boolean);
          return (
            <TableRow key={type.id} data-inactive={!type.active}>
              <TableCell className="font-medium">
                {type.name}
                {type.description ? (
                  <div className="font-normal text-muted-foreground text-xs">{type.description}</div>
                ) : null}
              </TableCell>
              <TableCell>{type.durationMinutes} min</TableCell>
              <TableCell>{minutes(type.bufferBeforeMinutes)}</TableCell>
              <TableCell>{minutes(type.bufferAfterMinutes)}</TableCell>
              <TableCell>
                {offeredBy.length > 0 ? (
                  offeredBy.join(", ")
                ) : (
                  <span className="text-muted-foreground">
                    Nobody yet
                    {edit ? (
                      <>
                        {" "}
                        — tick it on <Link href="/settings/providers">Providers</Link>
                      </>
                    ) : null}
                  </span>
                )}
              </TableCell>
              <TableCell>
                <Badge tone={type.active ? "success" : "neutral"}>{type.active ? "Active" : "Inactive"}</Badge>
              </TableCell>
              {edit ? (
                <TableCell className="text-right">
                  <Button asChild variant="outline" size="sm">
                    <Link href={`/settings/appointment-types?type=${type.id}`} aria-label={`Edit ${type.name}`}>
                      Edit
                    </Link>
                  </Button>
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
