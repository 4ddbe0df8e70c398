// One processor per job name in core's registry; the payload is validated against the same
// schema the producer used, so a malformed job fails loudly instead of half-running.
import { pruneExpiredIdempotencyKeys, pruneExpiredRateLimits } from "@frontdesk/core";
import { releaseExpiredHoldsEverywhere } from "@frontdesk/core/appointments";
import {
  deleteRemoteAssistant,
  reconcileVapi,
  resyncEverything,
  syncAssistant,
  type VapiSyncDeps,
} from "@frontdesk/core/assistants";
import { type ReconcileDeps, reconcileCalls, recordCallEvent } from "@frontdesk/core/calls";
import type { RootDb } from "@frontdesk/core/db";
import {
  finishRelease,
  provisionPhoneNumber,
  reconcilePhoneNumbers,
  type TelephonyDeps,
} from "@frontdesk/core/phone-numbers";
import { type JobName, jobs } from "@frontdesk/core/queue";
import { holdSmsOfInactiveClinic, type SmsSenderDeps, sendStoredSms } from "@frontdesk/core/sms";
import type { JobHelpers, TaskList } from "graphile-worker";

type Processor<N extends JobName> = (
  payload: ReturnType<(typeof jobs)[N]["parse"]>,
  helpers: JobHelpers,
) => Promise<void>;

/**
 * The payload as our schemas know it. Scheduled (crontab) jobs arrive with graphile-worker's own
 * `_cron` key beside it, and jobs queued before the tenant was called a clinic carry `orgId`.
 */
export function ourPayload(payload: unknown) {
  if (!payload || typeof payload !== "object") return {};
  const { _cron, orgId, ...rest } = payload as Record<string, unknown>;
  return orgId === undefined ? rest : { clinicId: orgId, ...rest };
}

/** What the call jobs need besides the root client: tenant clients, and Vapi when configured. */
export type CallDeps = Omit<ReconcileDeps, "rootDb">;

/** What the Vapi sync jobs need besides the root client. */
export type AssistantSyncDeps = Omit<VapiSyncDeps, "rootDb" | "log">;

export function makeTaskList(
  db: RootDb,
  sms: SmsSenderDeps,
  calls: CallDeps,
  numbers: TelephonyDeps,
  assistants: AssistantSyncDeps,
): TaskList {
  const vapiSync = (helpers: JobHelpers): VapiSyncDeps => ({
    rootDb: db,
    ...assistants,
    log: (line) => helpers.logger.info(line),
  });
  const processors: { [N in JobName]: Processor<N> } = {
    "idempotency:prune-expired": async (payload, helpers) => {
      const { deleted } = await pruneExpiredIdempotencyKeys(db, { batchSize: payload.batchSize });
      helpers.logger.info(`pruned ${deleted} expired idempotency keys`);
    },
    "sms:send": async (payload, helpers) => {
      const outcome = await sendStoredSms(sms, payload);
      helpers.logger.info(`sms ${payload.messageId}: ${outcome}`);
    },
    "holds:release-expired": async (_payload, helpers) => {
      const released = await releaseExpiredHoldsEverywhere(db);
      if (released > 0) helpers.logger.info(`released ${released} expired holds`);
    },
    "rate-limit:prune-expired": async (_payload, helpers) => {
      const { count } = await pruneExpiredRateLimits(db);
      helpers.logger.info(`pruned ${count} ended rate-limit windows`);
    },
    "vapi:process-event": async (payload, helpers) => {
      const outcome = await recordCallEvent({ rootDb: db, tenants: calls.tenants }, payload);
      helpers.logger.info(`vapi event ${payload.eventId}: ${outcome}`);
    },
    "calls:reconcile": async (payload, helpers) => {
      const r = await reconcileCalls({ rootDb: db, ...calls }, { limit: payload.limit });
      if (r.checked > 0)
        helpers.logger.info(
          `reconciled ${r.checked} calls with Vapi: ${r.completed} completed, ${r.notFound} not found, ${r.failed} failed`,
        );
    },
    "phone-numbers:provision": async (payload, helpers) => {
      const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
      const outcome = await provisionPhoneNumber(numbers, payload, { lastAttempt });
      helpers.logger.info(`phone number ${payload.phoneNumberId}: ${outcome}`);
    },
    "phone-numbers:release": async (payload, helpers) => {
      const outcome = await finishRelease(numbers, payload);
      helpers.logger.info(`phone number ${payload.phoneNumberId}: ${outcome}`);
    },
    "phone-numbers:reconcile": async (_payload, helpers) => {
      const r = await reconcilePhoneNumbers({ ...numbers, rootDb: db });
      if (r.reimported > 0 || r.failed > 0)
        helpers.logger.info(`phone numbers: re-imported ${r.reimported} into Vapi, ${r.failed} failed`);
      // Reported, not deleted: an operator decides (ids only; Vapi's objects carry our secret).
      if (r.orphans.length > 0)
        helpers.logger.warn(
          `phone numbers: ${r.orphans.length} in Vapi with no Frontdesk row: ${r.orphans.join(", ")}`,
        );
    },
    "assistants:sync": async (payload, helpers) => {
      const outcome = await syncAssistant(vapiSync(helpers), payload);
      helpers.logger.info(`assistant ${payload.assistantId}: ${outcome}`);
    },
    "assistants:delete-remote": async (payload, helpers) => {
      const outcome = await deleteRemoteAssistant(vapiSync(helpers), payload);
      helpers.logger.info(`assistant ${payload.assistantId} in Vapi: ${outcome}`);
    },
    "vapi:reconcile": async (_payload, helpers) => {
      await reconcileVapi(vapiSync(helpers));
    },
    "vapi:resync-all": async (_payload, helpers) => {
      await resyncEverything(vapiSync(helpers));
    },
  };
  // What a clinic job leaves behind when its clinic is suspended or deleted (it does nothing else).
  const whenClinicInactive: { [N in JobName]?: (payload: ReturnType<(typeof jobs)[N]["parse"]>) => Promise<unknown> } =
    {
      "sms:send": (payload) => holdSmsOfInactiveClinic(sms, payload),
    };
  const task =
    <N extends JobName>(name: N) =>
    async (raw: unknown, helpers: JobHelpers) => {
      const payload = jobs[name].parse(ourPayload(raw)) as Parameters<Processor<N>>[0];
      const clinicId = (payload as { clinicId?: string }).clinicId;
      if (clinicId) {
        const clinic = await db.clinic.findUnique({ where: { id: clinicId }, select: { status: true } });
        if (clinic?.status !== "active") {
          await whenClinicInactive[name]?.(payload);
          helpers.logger.info(`${name}: skipped, clinic ${clinicId} is ${clinic?.status ?? "gone"}`);
          return;
        }
      }
      await (processors[name] as Processor<N>)(payload, helpers);
    };
  return Object.fromEntries((Object.keys(processors) as JobName[]).map((name) => [name, task(name)]));
}
