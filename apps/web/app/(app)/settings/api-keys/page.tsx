import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import { formatDateTime } from "@/components/format";
import { roleLabels } from "@/components/roles";
import { services } from "@/server/services";
import { caller, requireShell } from "@/trpc/server";
import type { Role } from "@/trpc/types";
import { ClinicUnavailable, NotAllowed } from "../../clinic-unavailable";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeApiKey } from "./revoke-api-key";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

// A key acts with its role, so nobody may mint one above their own.
const rolesUpTo: Record<Role, readonly Role[]> = {
  owner: ["owner", "admin", "staff"],
  admin: ["admin", "staff"],
  staff: ["staff"],
};

function status(key: { revokedAt: Date | null; expiresAt: Date | null }, timeZone: string) {
  if (key.revokedAt) return `Revoked ${formatDateTime(key.revokedAt, timeZone)}`;
  if (key.expiresAt && key.expiresAt <= new Date()) return `Expired ${formatDateTime(key.expiresAt, timeZone)}`;
  return key.expiresAt ? `Active until ${formatDateTime(key.expiresAt, timeZone)}` : "Active";
}

export default async function ApiKeysPage() {
  const shell = await requireShell("/settings/api-keys");
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic } = shell;
  if (!can(clinic.myRole, "apiKeys:manage")) return <NotAllowed role={clinic.myRole} what="manage API keys" />;

  const keys = await (await caller()).apiKeys.list();
  const tz = clinic.timezone;

  return (
    <>
      <div className="page-header">
        <h1>API keys</h1>
        <span className="muted">Let your own software use {clinic.name}'s Frontdesk data.</span>
      </div>

      <section className="panel">
        <h2>Keys</h2>
        {keys.length === 0 ? (
          <p className="muted">
            No API keys yet. Create one below for each system that connects, so you can revoke it alone.
          </p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Key</th>
                <th>Role</th>
                <th>Last used</th>
                <th>Created</th>
                <th>Status</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} className={key.revokedAt ? "inactive" : undefined}>
                  <td>{key.name}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{roleLabels[key.role]}</td>
                  <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, tz) : "Never"}</td>
                  <td>{formatDateTime(key.createdAt, tz)}</td>
                  <td>{status(key, tz)}</td>
                  <td className="actions">
                    {key.revokedAt ? null : <RevokeApiKey apiKeyId={key.id} name={key.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="panel">
        <h2>Create a key</h2>
        <CreateApiKeyForm roles={rolesUpTo[clinic.myRole]} />
      </section>

      <section className="panel">
        <h2>Using a key</h2>
        <p className="muted">
          Send it as <code>Authorization: Bearer &lt;key&gt;</code>, or use the typed client:
        </p>
        <pre className="code">
          {`import { createFrontdeskClient } from "@frontdesk/api/client";

const frontdesk = createFrontdeskClient({
  url: "${services().appUrl}",
  apiKey: process.env.FRONTDESK_API_KEY,
});

const clinic = await frontdesk.clinic.get.query();`}
        </pre>
      </section>
    </>
  );
}
