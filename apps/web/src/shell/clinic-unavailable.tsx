import { Building2, Lock, PauseCircle } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import type { Shell } from "./load-shell";
import { SwitchToClinic } from "./switch-to-clinic";

/** What a clinic page shows when there is no clinic to show. */
export function ClinicUnavailable({ shell }: { shell: Exclude<Shell, { state: "ready" | "signed-out" }> }) {
  if (shell.state === "stale") return <SwitchToClinic id={shell.fallback.id} name={shell.fallback.name} />;
  if (shell.state === "suspended") {
    return (
      <EmptyState icon={PauseCircle} title="This clinic is suspended">
        Contact Frontdesk support to restore it.
        {shell.clinics.length > 1 ? " Meanwhile, choose another clinic with the switcher." : null}
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={Building2}
      title="You're not part of a clinic yet"
      action={
        <Button asChild>
          <Link href="/clinics/new">Create a clinic</Link>
        </Button>
      }
    >
      Create your clinic to set up its receptionist, or ask your clinic's owner to invite you and open the link in the
      email.
    </EmptyState>
  );
}

/** For pages a role may not use (the navigation hides them; a typed URL still lands here). */
export function NotAllowed({ role, what }: { role: string; what: string }) {
  return (
    <EmptyState icon={Lock} title={`You can't ${what}`}>
      Your role in this clinic ({role}) doesn't allow it. Ask an owner or admin to change your role, or to do it for
      you.
    </EmptyState>
  );
}
