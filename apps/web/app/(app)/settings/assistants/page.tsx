import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { routes, titleOf } from "@/routes";
import { clinicPage, param } from "@/shell/clinic-page";
import { prefetch, trpc } from "@/trpc/server";
import { AssistantForm } from "./assistant-form";
import { AssistantsTable } from "./assistants-table";

export const metadata: Metadata = { title: titleOf(routes.assistants) };

export default clinicPage(routes.assistants, async ({ clinic, searchParams }) => {
  const edit = can(clinic.myRole, "agent:manage");
  await prefetch(trpc.assistants.list.queryOptions(), trpc.assistants.variables.queryOptions());
  const editing = edit ? (param(searchParams, "assistant") ?? null) : null;
  return (
    <>
      <PageHeader
        title={titleOf(routes.assistants)}
        description={`Who answers ${clinic.name}'s phone: what they say first, how they sound, and what they know. Calls reach the default assistant unless a number has its own.`}
      />
      <div className="grid gap-6">
        <Panel title="Assistants">
          <AssistantsTable edit={edit} />
        </Panel>
        {edit ? (
          <AssistantForm key={editing ?? "new"} assistantId={editing} />
        ) : (
          <p className="text-muted-foreground text-sm">
            To add or change assistants, ask an owner or admin of {clinic.name}.
          </p>
        )}
      </div>
    </>
  );
});
