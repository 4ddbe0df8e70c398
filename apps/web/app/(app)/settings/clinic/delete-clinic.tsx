"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useOpenClinic } from "@/trpc/clinic-cookie";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Typing the name is the confirmation: the button stays off until it matches. */
export function DeleteClinic({ name }: { name: string }) {
  const trpc = useTRPC();
  const openClinic = useOpenClinic();
  const [typed, setTyped] = useState("");
  const remove = useMutation(trpc.clinic.delete.mutationOptions({ onSuccess: () => openClinic(null, "/dashboard") }));

  return (
    <Card aria-labelledby="delete-clinic" className="border-destructive/30">
      <CardHeader>
        <CardTitle id="delete-clinic" className="text-destructive">
          Delete clinic
        </CardTitle>
        <CardDescription>
          Everyone loses access to {name} at once: its receptionist stops answering, and its calls, patients and
          appointments are no longer shown. This can't be undone from here.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            remove.mutate({ confirmName: typed });
          }}
        >
          <div className="grid max-w-sm gap-1.5">
            <Label htmlFor="confirm-name">Type "{name}" to confirm</Label>
            <Input
              id="confirm-name"
              autoComplete="off"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
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
      </CardContent>
    </Card>
  );
}
