import { jobs } from "@frontdesk/core/queue";
import { describe, expect, it } from "vitest";
import { ourPayload } from "./index";

describe("ourPayload", () => {
  const ids = { messageId: "0196a1b2-0000-7000-8000-000000000001" };
  const clinicId = "0196a1b2-0000-7000-8000-000000000002";

  it("drops graphile-worker's _cron key", () => {
    expect(ourPayload({ _cron: { ts: "2030-01-01" }, batchSize: 5 })).toEqual({ batchSize: 5 });
  });

  it("still runs a job queued before the rename, whose payload says orgId", () => {
    expect(jobs["sms:send"].parse(ourPayload({ orgId: clinicId, ...ids }))).toEqual({ clinicId, ...ids });
    expect(jobs["sms:send"].parse(ourPayload({ clinicId, ...ids }))).toEqual({ clinicId, ...ids });
  });
});
