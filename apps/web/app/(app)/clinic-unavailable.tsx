import Link from "next/link";
import type { Shell } from "@/trpc/server";
import { SwitchToClinic } from "./switch-to-clinic";

/** What a clinic page shows when there is no clinic to show. */
export function ClinicUnavailable({ shell }: { shell: Exclude<Shell, { state: "ready" | "signed-out" }> }) {
  if (shell.state === "stale") return <SwitchToClinic id={shell.fallback.id} name={shell.fallback.name} />;
  if (shell.state === "suspended") {
    return (
      <div className="empty">
        <h2>This clinic is suspended</h2>
        <p className="muted">
          Contact Frontdesk support to restore it.
          {shell.clinics.length > 1 ? " Meanwhile, choose another clinic with the switcher above." : null}
        </p>
      </div>
    );
  }
  return (
    <div className="empty">
      <h2>You're not part of a clinic yet</h2>
      <p className="muted">
        Create your clinic to set up its receptionist, or ask your clinic's owner to invite you and open the link in the
        email.
      </p>
      <Link href="/clinics/new" className="button inline">
        Create a clinic
      </Link>
    </div>
  );
}

/** For pages a role may not use (the navigation hides them; a typed URL still lands here). */
export function NotAllowed({ role, what }: { role: string; what: string }) {
  return (
    <div className="empty">
      <h2>You can't {what}</h2>
      <p className="muted">
        Your role in this clinic ({role}) doesn't allow it. Ask an owner or admin to change your role, or to do it for
        you.
      </p>
    </div>
  );
}
