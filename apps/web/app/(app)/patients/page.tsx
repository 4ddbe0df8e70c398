import { Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { FilterField, FilterForm } from "@/components/filter-form";
import { PageHeader } from "@/components/page-header";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { routes } from "@/routes";
import { clinicPage, param } from "@/shell/clinic-page";
import { byCursor } from "@/trpc/pages";
import { prefetch, trpc } from "@/trpc/server";
import { PatientList } from "./patient-list";

export const metadata: Metadata = { title: "Patients" };

export default clinicPage(routes.patients, async ({ clinic, searchParams }) => {
  const search = param(searchParams, "q")?.slice(0, 100);
  await prefetch(trpc.patients.list.infiniteQueryOptions({ search }, byCursor));
  return (
    <>
      <PageHeader
        title="Patients"
        description={`Everyone who has booked with ${clinic.name}, by phone or from the schedule.`}
      />
      <FilterForm action="/patients" submitLabel="Search" clear={search ? { label: "Show everyone" } : false}>
        <FilterField id="q" label="Name or phone" grow>
          <Input name="q" type="search" defaultValue={search} placeholder="e.g. Rivera or 555 0100" />
        </FilterField>
      </FilterForm>
      <Card className="p-2">
        <PatientList
          key={search ?? ""}
          search={search}
          empty={
            <EmptyState icon={Users} className="border-0">
              {search ? (
                <>
                  No patient matches “{search}”. Check the spelling, or search by at least three digits of their phone
                  number.
                </>
              ) : (
                <>
                  No patients yet. They're added when your receptionist books a caller, or when you book someone on the{" "}
                  <Link href="/schedule">schedule</Link>.
                </>
              )}
            </EmptyState>
          }
        />
      </Card>
    </>
  );
});
