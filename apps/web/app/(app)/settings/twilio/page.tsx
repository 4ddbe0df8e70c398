import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { routes, titleOf } from "@/routes";
import { clinicPage } from "@/shell/clinic-page";
import { prefetch, trpc } from "@/trpc/server";
import { TwilioAccounts } from "./twilio-accounts";
import { TwilioCredentialsForm } from "./twilio-credentials-form";

export const metadata: Metadata = { title: titleOf(routes.twilio) };

export default clinicPage(routes.twilio, async ({ clinic }) => {
  await prefetch(trpc.credentials.list.queryOptions());
  return (
    <>
      <PageHeader
        title={titleOf(routes.twilio)}
        description={`Text patients from ${clinic.name}'s own Twilio account. Without one, texts go out on Frontdesk's account from numbers Frontdesk manages for you.`}
      />
      <div className="grid gap-6">
        <Panel title="Connected accounts">
          <TwilioAccounts />
        </Panel>
        <Panel
          title="Connect or replace"
          description="Find both in the Twilio console under Account info. The token is stored encrypted and never shown again; saving the same label replaces it."
        >
          <TwilioCredentialsForm />
        </Panel>
      </div>
    </>
  );
});
