"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { InlineAlert } from "@/components/field";
import { formatDate, formatPhone, fullName } from "@/components/format";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { RouterOutputs } from "@/trpc/types";

type Page = RouterOutputs["patients"]["list"];

/** The first page comes from the server; "Load more" appends the next ones in place. */
export function PatientList({ first, search, timeZone }: { first: Page; search?: string; timeZone: string }) {
  const [rows, setRows] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const more = useMutation({
    mutationFn: (after: string) => trpc.patients.list.query({ search, cursor: after }),
    onSuccess: (page) => {
      setRows((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    },
  });

  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Phone</th>
            <th>Email</th>
            <th>Added</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((patient) => (
            <tr key={patient.id}>
              <td>
                <Link href={`/patients/${patient.id}`}>{fullName(patient)}</Link>
              </td>
              <td className="nowrap">{formatPhone(patient.phone)}</td>
              <td>{patient.email ?? "—"}</td>
              <td className="nowrap">{formatDate(patient.createdAt, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor ? (
        <button
          type="button"
          className="button inline secondary"
          disabled={more.isPending}
          onClick={() => more.mutate(cursor)}
        >
          {more.isPending ? "Loading…" : "Load more"}
        </button>
      ) : null}
      <InlineAlert message={formErrors(more.error).message} />
    </>
  );
}
