import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { routes, titleOf } from "@/routes";
import { clinicPage } from "@/shell/clinic-page";
import { prefetch, trpc } from "@/trpc/server";
import { BuyNumber } from "./buy-number";
import { ConnectOwnNumber } from "./connect-own-number";
import { PhoneNumbersTable } from "./phone-numbers-table";
import { TestCallForm } from "./test-call-form";

export const metadata: Metadata = { title: titleOf(routes.phoneNumbers) };

export default clinicPage(routes.phoneNumbers, async ({ clinic }) => {
  const manage = can(clinic.myRole, "numbers:manage");
  await prefetch(
    trpc.phoneNumbers.list.queryOptions(),
    trpc.phoneNumbers.assistants.queryOptions(),
    ...(manage ? [trpc.credentials.list.queryOptions()] : []),
  );
  return (
    <>
      <PageHeader
        title={titleOf(routes.phoneNumbers)}
        description={`The numbers patients call to reach ${clinic.name}'s AI receptionist. Every call on an active number is answered by the assistant you pick.`}
      />
      <div className="grid gap-6">
        <Panel title="Your numbers">
          <PhoneNumbersTable manage={manage} />
        </Panel>
        {can(clinic.myRole, "numbers:testCall") ? (
          <Panel
            title="Call my phone"
            description="Hear what callers hear: the assistant calls you from one of the clinic's active numbers. The call shows up under Calls."
          >
            <TestCallForm />
          </Panel>
        ) : null}
        {manage ? (
          <>
            <Panel
              title="Buy a number"
              description="Search by area code; Frontdesk buys the number in a Twilio account it keeps for your clinic and connects it. It takes a few seconds."
            >
              <BuyNumber />
            </Panel>
            <Panel
              title="Connect your own Twilio number"
              description="Pick a number from the Twilio account saved under Twilio. Frontdesk connects it to the receptionist and points its texts at Frontdesk."
            >
              <ConnectOwnNumber />
            </Panel>
          </>
        ) : null}
      </div>
    </>
  );
});
