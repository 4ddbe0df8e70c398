import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import { formatDateTime } from "@/components/format";
import { caller, requireShell } from "@/trpc/server";
import { ClinicUnavailable, NotAllowed } from "../../clinic-unavailable";
import { RemoveCredential } from "./remove-credential";
import { TwilioCredentialsForm } from "./twilio-credentials-form";

export const metadata: Metadata = { title: "Twilio account" };
export const dynamic = "force-dynamic";

export default async function TwilioSettingsPage() {
  const shell = await requireShell("/settings/twilio");
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic } = shell;
  if (!can(clinic.myRole, "credentials:manage"))
    return <NotAllowed role={clinic.myRole} what="manage Twilio credentials" />;

  const credentials = (await (await caller()).credentials.list()).filter((c) => c.kind === "twilio");

  return (
    <>
      <div className="page-header">
        <h1>Twilio account</h1>
        <span className="muted">
          Text patients from {clinic.name}'s own Twilio account. Without one, texts go out on Frontdesk's account from
          numbers Frontdesk manages for you.
        </span>
      </div>

      <section className="panel">
        <h2>Connected accounts</h2>
        {credentials.length === 0 ? (
          <p className="muted">No Twilio account connected. Add its Account SID and Auth Token below.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Label</th>
                <th>Account</th>
                <th>Updated</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {credentials.map((credential) => (
                <tr key={credential.id}>
                  <td>{credential.label}</td>
                  <td>
                    <code>{String((credential.publicData as { accountSid?: string }).accountSid ?? "")}</code>
                  </td>
                  <td>{formatDateTime(credential.updatedAt, clinic.timezone)}</td>
                  <td>
                    <RemoveCredential credentialId={credential.id} label={credential.label} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="panel">
        <h2>Connect or replace</h2>
        <p className="muted">
          Find both in the Twilio console under Account info. The token is stored encrypted and never shown again;
          saving the same label replaces it.
        </p>
        <TwilioCredentialsForm />
      </section>
    </>
  );
}
