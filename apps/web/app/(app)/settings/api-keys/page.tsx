import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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
        <Card aria-labelledby="keys">
          <CardHeader>
            <CardTitle id="keys">Keys</CardTitle>
          </CardHeader>
          <CardContent>
            <ApiKeys />
          </CardContent>
        </Card>
        <Card aria-labelledby="create-key">
          <CardHeader>
            <CardTitle id="create-key">Create a key</CardTitle>
            <CardDescription>One for each system that connects, so you can revoke it alone.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateApiKeyForm roles={rolesUpTo[clinic.myRole]} />
          </CardContent>
        </Card>
        <Card aria-labelledby="using-keys">
          <CardHeader>
            <CardTitle id="using-keys">Using a key</CardTitle>
            <CardDescription>
              Send it as <code>Authorization: Bearer &lt;key&gt;</code>, or use the typed client:
            </CardDescription>
          </CardHeader>
          <CardContent>
            <pre className="overflow-x-auto rounded-md bg-muted p-4 font-mono text-xs leading-relaxed">
              {`import { createFrontdeskClient } from "@frontdesk/api/client";

const frontdesk = createFrontdeskClient({
  url: "${services().appUrl}",
  apiKey: process.env.FRONTDESK_API_KEY,
});

const clinic = await frontdesk.clinic.get.query();`}
            </pre>
          </CardContent>
        </Card>
      </div>
    </>
  );
});
