import {
  assignAssistant,
  buyPhoneNumber,
  connectPhoneNumber,
  labelPhoneNumber,
  listAssistantChoices,
  listPhoneNumbers,
  listTwilioNumbers,
  placeTestCall,
  releasePhoneNumber,
  searchAvailableNumbers,
  setPhoneNumberActive,
} from "@frontdesk/core/phone-numbers";
import {
  assignAssistantInput,
  assistantChoice,
  availableNumberChoice,
  buyPhoneNumberInput,
  connectPhoneNumberInput,
  labelPhoneNumberInput,
  listTwilioNumbersInput,
  phoneNumberIdInput,
  phoneNumberSchema,
  placeTestCallInput,
  searchAvailableNumbersInput,
  setPhoneNumberActiveInput,
  testCallResult,
  twilioNumberChoice,
} from "@frontdesk/core/schemas";
import { z } from "zod";
import { clinicProcedureWith, okOutput, router } from "../trpc";

const reader = clinicProcedureWith("numbers:read");
const manage = clinicProcedureWith("numbers:manage");
const tester = clinicProcedureWith("numbers:testCall");

export const phoneNumbersRouter = router({
  list: reader.output(z.array(phoneNumberSchema)).query(({ ctx }) => listPhoneNumbers(ctx.db)),
  assistants: reader.output(z.array(assistantChoice)).query(({ ctx }) => listAssistantChoices(ctx.db)),

  twilioNumbers: manage
    .input(listTwilioNumbersInput)
    .output(z.array(twilioNumberChoice))
    .query(({ ctx, input }) =>
      listTwilioNumbers(ctx.db, { keyring: ctx.keyring, twilioApiBaseUrl: ctx.telephony.twilioApiBaseUrl }, input),
    ),
  connect: manage
    .input(connectPhoneNumberInput)
    .output(phoneNumberSchema)
    .mutation(({ ctx, input }) => connectPhoneNumber(ctx.db, ctx.origin, input)),

  search: manage
    .input(searchAvailableNumbersInput)
    .output(z.array(availableNumberChoice))
    .query(({ ctx, input }) => searchAvailableNumbers(ctx.telephony, input)),
  buy: manage
    .input(buyPhoneNumberInput)
    .output(phoneNumberSchema)
    .mutation(({ ctx, input }) => buyPhoneNumber(ctx.db, ctx.origin, input)),

  setActive: manage
    .input(setPhoneNumberActiveInput)
    .output(phoneNumberSchema)
    .mutation(({ ctx, input }) => setPhoneNumberActive(ctx.db, ctx.origin, input)),
  assignAssistant: manage
    .input(assignAssistantInput)
    .output(phoneNumberSchema)
    .mutation(({ ctx, input }) => assignAssistant(ctx.db, ctx.origin, input)),
  label: manage
    .input(labelPhoneNumberInput)
    .output(phoneNumberSchema)
    .mutation(({ ctx, input }) => labelPhoneNumber(ctx.db, ctx.origin, input)),
  release: manage
    .input(phoneNumberIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await releasePhoneNumber(ctx.db, ctx.origin, input);
      return { ok: true as const };
    }),

  testCall: tester
    .input(placeTestCallInput)
    .output(testCallResult)
    .mutation(({ ctx, input }) => placeTestCall(ctx.db, ctx.telephony, ctx.origin, input)),
});
