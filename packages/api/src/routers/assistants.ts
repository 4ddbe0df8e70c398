import {
  createAssistant,
  deleteAssistant,
  getAssistant,
  getPromptVariables,
  listAssistants,
  retryAssistantSync,
  updateAssistant,
} from "@frontdesk/core/assistants";
import {
  assistantIdInput,
  assistantInput,
  assistantRow,
  promptVariablesRow,
  updateAssistantInput,
} from "@frontdesk/core/schemas";
import { z } from "zod";
import { clinicProcedureWith, router } from "../trpc";

const reader = clinicProcedureWith("agent:read");
const editor = clinicProcedureWith("agent:manage");

export const assistantsRouter = router({
  list: reader.output(z.array(assistantRow)).query(({ ctx }) => listAssistants(ctx.db)),
  get: reader
    .input(assistantIdInput)
    .output(assistantRow)
    .query(({ ctx, input }) => getAssistant(ctx.db, input)),
  /** What `{{clinicName}}`, `{{today}}`, … are filled with right now, for the editor's preview. */
  variables: reader.output(promptVariablesRow).query(({ ctx }) => getPromptVariables(ctx.db)),
  create: editor
    .input(assistantInput)
    .output(assistantRow)
    .mutation(({ ctx, input }) => createAssistant(ctx.db, ctx.origin, input)),
  update: editor
    .input(updateAssistantInput)
    .output(assistantRow)
    .mutation(({ ctx, input }) => updateAssistant(ctx.db, ctx.origin, input)),
  retrySync: editor
    .input(assistantIdInput)
    .output(assistantRow)
    .mutation(({ ctx, input }) => retryAssistantSync(ctx.db, ctx.origin, input)),
  delete: editor
    .input(assistantIdInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await deleteAssistant(ctx.db, ctx.origin, input);
      return { ok: true as const };
    }),
});
