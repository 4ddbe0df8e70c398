import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requireShell } from "@/shell/load-shell";
import { NewClinicForm } from "./new-clinic-form";

export const metadata: Metadata = { title: "New clinic" };

// Any signed-in person may create a clinic, so no clinic page guard here.
export default async function NewClinicPage() {
  await requireShell("/clinics/new");
  return (
    <div className="max-w-lg">
      <PageHeader
        title="Create a clinic"
        description="You'll be its owner. Switch between your clinics with the menu in the sidebar."
      />
      <Card>
        <CardContent>
          <NewClinicForm />
        </CardContent>
      </Card>
    </div>
  );
}
