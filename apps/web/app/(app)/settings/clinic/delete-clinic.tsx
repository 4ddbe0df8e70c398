"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Field } from "@/components/field";
import { Panel } from "@/components/panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useOpenClinic } from "@/trpc/clinic-cookie";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Typing the name is the confirmation: the button stays off until it matches. */
export function DeleteClinic({ name }: { name: string }) {
  const openClinic = useOpenClinic();
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const remove = useMutation(trpc.clinic.delete.mutationOptions({ onSuccess: () => openClinic(null, "/dashboard") }));

  return (
    <Panel
      title="Delete clinic"
      description={
        <>
          Everyone loses access to {name} at once: its receptionist stops answering, and its calls, patients and
          appointments are no longer shown. This can't be undone from here.
        </>
      }
      className="border-destructive/30"
    >
      <form
        noValidate
        className="grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate({ confirmName: typed });
        }}
      >
        <Field id="confirm-name" label={`Type "${name}" to confirm`} className="max-w-sm">
          <Input autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
        </Field>
        {remove.isError ? <Alert variant="destructive">{errorMessage(remove.error)}</Alert> : null}
        <Button
          type="submit"
          variant="destructive"
          className="w-fit"
          pending={remove.isPending}
          disabled={typed.trim() !== name || remove.isSuccess}
        >
          {remove.isPending ? "Deleting…" : "Delete this clinic"}
        </Button>
      </form>
    </Panel>
  );
}
