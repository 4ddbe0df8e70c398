"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Field, FormAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { forgetClinic } from "@/trpc/clinic-cookie";
import { formErrors } from "@/trpc/errors";

export function DeleteClinic({ name }: { name: string }) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const remove = useMutation({
    mutationFn: () => trpc.clinic.delete.mutate({ confirmName: typed }),
    onSuccess: () => {
      forgetClinic();
      router.push("/dashboard");
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.mutate();
  }

  return (
    <form className="panel danger-zone" onSubmit={onSubmit} noValidate>
      <h2>Delete clinic</h2>
      <p className="muted">
        Everyone loses access to {name} at once: its receptionist stops answering, and its calls, patients and
        appointments are no longer shown. This can't be undone from here.
      </p>
      <Field
        label={`Type "${name}" to confirm`}
        name="confirmName"
        autoComplete="off"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      <FormAlert message={formErrors(remove.error).message} />
      <button
        className="button inline danger"
        type="submit"
        disabled={typed.trim() !== name || remove.isPending || remove.isSuccess}
      >
        {remove.isPending ? "Deleting…" : "Delete this clinic"}
      </button>
    </form>
  );
}
