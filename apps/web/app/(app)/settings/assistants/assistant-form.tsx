"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { type Control, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import {
  CheckboxField,
  FormAlert,
  InputField,
  MutationForm,
  SelectField,
  SubmitButton,
  TextareaField,
} from "@/components/forms";
import { Panel } from "@/components/panel";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import {
  assistantInput,
  DEFAULT_FIRST_MESSAGE,
  DEFAULT_PROMPT,
  fillVariables,
  MODELS,
  type ModelProvider,
  PROMPT_VARIABLES,
  VOICES,
  type VoiceProvider,
  type z,
} from "@/lib/schemas";
import { useTRPC } from "@/trpc/react";
import { SyncBadge } from "./sync-badge";
import { roleLabel, useAssistants } from "./use-assistants";

type Values = z.input<typeof assistantInput>;

const voiceProviderLabel: Record<VoiceProvider, string> = { vapi: "Vapi", "11labs": "ElevenLabs", openai: "OpenAI" };
const modelProviderLabel: Record<ModelProvider, string> = { openai: "OpenAI", anthropic: "Anthropic" };
const pairs = <T extends string>(values: readonly T[]) => values.map((v) => [v, v] as const);

/** Adds an assistant (`assistantId` null) or edits one, with its status in Vapi and what callers hear first. */
export function AssistantForm({ assistantId }: { assistantId: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const assistants = useAssistants();
  const { data: variables } = useSuspenseQuery(trpc.assistants.variables.queryOptions());
  const assistant = assistants.find((a) => a.id === assistantId) ?? null;
  const form = useForm({
    resolver: zodResolver(assistantInput),
    defaultValues: {
      name: assistant?.name ?? "",
      role: assistant?.role ?? "receptionist",
      systemPrompt: assistant?.systemPrompt ?? DEFAULT_PROMPT,
      firstMessage: assistant?.firstMessage ?? DEFAULT_FIRST_MESSAGE,
      voiceProvider: (assistant?.voiceProvider ?? "vapi") as VoiceProvider,
      voiceId: assistant?.voiceId ?? "Elliot",
      modelProvider: (assistant?.modelProvider ?? "openai") as ModelProvider,
      model: assistant?.model ?? "gpt-4o",
      transferNumber: assistant?.transferNumber ?? null,
      isDefault: assistant?.isDefault ?? assistants.length === 0,
    } satisfies Values,
  });
  const refresh = () => queryClient.invalidateQueries(trpc.assistants.pathFilter());
  const create = useMutation(
    trpc.assistants.create.mutationOptions({
      onSuccess: async (created) => {
        toast.success(`Saved ${created.name}. It is on its way to Vapi.`);
        await refresh();
        router.push(`/settings/assistants?assistant=${created.id}`);
      },
    }),
  );
  const update = useMutation(
    trpc.assistants.update.mutationOptions({
      onSuccess: () => {
        toast.success("Saved.");
        return refresh();
      },
    }),
  );
  const retry = useMutation(trpc.assistants.retrySync.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.assistants.delete.mutationOptions());
  const makeDefault = useMutation(trpc.assistants.update.mutationOptions({ onSuccess: refresh }));

  const [voiceProvider, modelProvider, firstMessage] = useWatch({
    control: form.control,
    name: ["voiceProvider", "modelProvider", "firstMessage"],
  });
  const voices = VOICES[voiceProvider as VoiceProvider] ?? VOICES.vapi;
  const models = MODELS[modelProvider as ModelProvider] ?? MODELS.openai;
  // Another provider: its first voice and model, since the old ones are not among its own.
  useEffect(() => {
    if (!(voices as readonly string[]).includes(form.getValues("voiceId"))) form.setValue("voiceId", voices[0]);
    if (!(models as readonly string[]).includes(form.getValues("model"))) form.setValue("model", models[0]);
  }, [voices, models, form]);

  return (
    <Panel
      title={assistant ? `Edit ${assistant.name}` : "Add an assistant"}
      action={
        assistant ? (
          <Button asChild variant="outline" size="sm">
            <Link href="/settings/assistants">Add another</Link>
          </Button>
        ) : null
      }
    >
      {assistant ? (
        <section aria-label="Status" className="mb-6 grid gap-3 rounded-md border bg-muted/40 p-4 text-sm">
          <div className="flex flex-wrap items-center gap-3">
            <span className="font-medium">In Vapi:</span>
            <SyncBadge status={assistant.syncStatus} />
            {assistant.syncError ? <span className="text-muted-foreground">{assistant.syncError}</span> : null}
            {assistant.syncStatus === "synced" && assistant.syncedAt ? (
              <span className="text-muted-foreground">since {assistant.syncedAt.toLocaleString()}</span>
            ) : null}
            {assistant.syncStatus !== "synced" ? (
              <Button
                size="sm"
                variant="outline"
                pending={retry.isPending}
                onClick={() => retry.mutate({ assistantId: assistant.id })}
              >
                Retry
              </Button>
            ) : null}
          </div>
          <div>
            <span className="font-medium">Numbers: </span>
            {assistant.phoneNumbers.length > 0
              ? assistant.phoneNumbers.map((n) => (n.label ? `${n.label} (${n.e164})` : n.e164)).join(", ")
              : assistant.isDefault
                ? "every number without an assistant of its own"
                : "none yet — assign it to a number on the phone numbers page"}
          </div>
          <div className="flex flex-wrap gap-2">
            {assistant.isDefault ? null : (
              <Button
                size="sm"
                variant="outline"
                pending={makeDefault.isPending}
                onClick={() => makeDefault.mutate({ assistantId: assistant.id, isDefault: true })}
              >
                Make default
              </Button>
            )}
            <ConfirmDialog
              label="Delete"
              question={`Delete ${assistant.name}?`}
              description={
                assistant.isDefault
                  ? "It is also removed from Vapi. Calls go to your oldest other assistant, which becomes the default."
                  : "It is also removed from Vapi. Its numbers go back to the default assistant."
              }
              variant="destructive"
              onConfirm={async () => {
                await remove.mutateAsync({ assistantId: assistant.id });
                await refresh();
                router.push("/settings/assistants");
              }}
            />
          </div>
        </section>
      ) : null}
      <MutationForm
        form={form}
        onSubmit={(values) =>
          assistant ? update.mutateAsync({ ...values, assistantId: assistant.id }) : create.mutateAsync(values)
        }
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField control={form.control} name="name" label="Name" placeholder="e.g. Front desk" maxLength={40} />
          <SelectField
            control={form.control}
            name="role"
            label="Role"
            options={Object.entries(roleLabel) as [string, string][]}
          />
        </div>
        <PromptField control={form.control} onInsert={(text) => form.setValue("systemPrompt", text)} />
        <TextareaField
          control={form.control}
          name="firstMessage"
          label="First message"
          rows={2}
          hint="What the assistant says when it picks up. Variables work here too."
        />
        <div className="grid gap-1 rounded-md border border-dashed p-3 text-sm">
          <span className="font-medium text-muted-foreground text-xs uppercase tracking-wide">Callers hear first</span>
          <p data-testid="first-message-preview">“{fillVariables(firstMessage || DEFAULT_FIRST_MESSAGE, variables)}”</p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            control={form.control}
            name="voiceProvider"
            label="Voice provider"
            options={Object.entries(voiceProviderLabel) as [string, string][]}
          />
          <SelectField control={form.control} name="voiceId" label="Voice" options={pairs(voices)} />
          <SelectField
            control={form.control}
            name="modelProvider"
            label="Model provider"
            options={Object.entries(modelProviderLabel) as [string, string][]}
          />
          <SelectField control={form.control} name="model" label="Model" options={pairs(models)} />
        </div>
        <InputField
          control={form.control}
          name="transferNumber"
          label="Transfer number"
          optional
          placeholder="+14155550123"
          hint="Optional. Where callers who ask for a person are put through, in international format."
        />
        {assistant?.isDefault ? (
          <p className="text-muted-foreground text-sm">
            This is the default assistant: it answers every number that has no assistant of its own. To change that,
            make another one the default.
          </p>
        ) : (
          <CheckboxField
            control={form.control}
            name="isDefault"
            label="Default assistant"
            hint="Answers every number that has no assistant of its own. A clinic has exactly one."
          />
        )}
        <FormAlert />
        <SubmitButton pendingLabel="Saving…">{assistant ? "Save changes" : "Add assistant"}</SubmitButton>
      </MutationForm>
    </Panel>
  );
}

/** The system prompt, with buttons that put a clinic variable where the cursor is. */
function PromptField({ control, onInsert }: { control: Control<Values>; onInsert: (text: string) => void }) {
  const area = useRef<HTMLTextAreaElement | null>(null);
  return (
    <FormField
      control={control}
      name="systemPrompt"
      render={({ field }) => {
        const insert = (name: string) => {
          const el = area.current;
          const text = String(field.value ?? "");
          const token = `{{${name}}}`;
          const start = el?.selectionStart ?? text.length;
          const end = el?.selectionEnd ?? text.length;
          onInsert(text.slice(0, start) + token + text.slice(end));
          requestAnimationFrame(() => {
            el?.focus();
            el?.setSelectionRange(start + token.length, start + token.length);
          });
        };
        return (
          <FormItem>
            <FormLabel>System prompt</FormLabel>
            <fieldset className="flex flex-wrap gap-1.5" aria-label="Insert a clinic variable">
              {PROMPT_VARIABLES.map((name) => (
                <Button key={name} type="button" size="sm" variant="outline" onClick={() => insert(name)}>
                  {`{{${name}}}`}
                </Button>
              ))}
            </fieldset>
            <FormControl>
              <Textarea
                name={field.name}
                value={field.value ?? ""}
                onChange={(event) => field.onChange(event.target.value)}
                onBlur={field.onBlur}
                rows={8}
                ref={(el) => {
                  area.current = el;
                  field.ref(el);
                }}
              />
            </FormControl>
            <FormDescription>
              Who the assistant is and how it should speak. The variables are filled in for each call; the rules for
              booking and the clinic's tools are added by Frontdesk.
            </FormDescription>
            <FormMessage />
          </FormItem>
        );
      }}
    />
  );
}
