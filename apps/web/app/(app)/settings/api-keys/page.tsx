import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { routes } from "@/routes";
import { services } from "@/server/services";
import { clinicPage } from "@/shell/clinic-page";
import { prefetch, trpc } from "@/trpc/server";
import type { Role } from "@/trpc/types";
import { ApiKeys } from "./api-keys";
import { CreateApiKeyForm } from "./create-api-key-form";

export const metadata: Metadata = { title: routes.apiKeys.label };

// A key acts with its role, so nobody may mint one above their own.
const rolesUpTo: Record<Role, readonly Role[]> = {
  owner: ["owner", "admin", "staff"],
  admin: ["admin", "staff"],
  staff: ["staff"],
};

export default clinicPage(routes.apiKeys, async ({ clinic }) => {
  await prefetch(trpc.apiKeys.list.queryOptions());
  return (
    <>
      <PageHeader
        title={routes.apiKeys.label}
        description={`Let your own software use ${clinic.name}'s Frontdesk data.`}
      />
      <div className="grid gap-6">
        <Panel title="Keys">
          <ApiKeys />
        </Panel>
        <Panel title="Create a key" description="One for each system that connects, so you can revoke it alone.">
          <CreateApiKeyForm roles={rolesUpTo[clinic.myRole]} />
        </Panel>
        <Panel
          title="Using a key"
          description={
            <>
              Send it as <code>Authorization: Bearer &lt;key&gt;</code>, or use the typed client:
            </>
          }
        >
          <pre className="overflow-x-auto rounded-md bg-muted p-4 font-mono text-xs leading-relaxed">
            {`import { createFrontdeskClient } from "@frontdesk/api/client";

const frontdesk = createFrontdeskClient({
  url: "${services().appUrl}",
  apiKey: process.env.FRONTDESK_API_KEY,
});

const clinic = await frontdesk.clinic.get.query();`}
          </pre>
        </Panel>
      </div>
    </>
  );
});
