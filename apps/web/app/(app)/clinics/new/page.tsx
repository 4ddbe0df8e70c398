import type { Metadata } from "next";
import { requireShell } from "@/trpc/server";
import { NewClinicForm } from "./new-clinic-form";

export const metadata: Metadata = { title: "New clinic" };
export const dynamic = "force-dynamic";

export default async function NewClinicPage() {
  await requireShell("/clinics/new");
  return (
    <div className="panel narrow">
      <h1>Create a clinic</h1>
      <p className="muted">You'll be its owner. Switch between your clinics with the menu at the top.</p>
      <NewClinicForm />
    </div>
  );
}
