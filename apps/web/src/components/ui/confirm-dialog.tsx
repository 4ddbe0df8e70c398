"use client";

import { AlertDialog } from "radix-ui";
import { type ReactNode, useState } from "react";
import { errorMessage } from "@/trpc/errors";
import { Alert } from "./alert";
import { Button } from "./button";

type Props = {
  /** The button that opens the question, e.g. "Remove". */
  label: string;
  /** The question, e.g. "Remove Ana from the clinic?" */
  question: string;
  /** What happens if they go ahead. */
  description?: ReactNode;
  confirmLabel?: string;
  /** The button that backs out; say something other than "Cancel" when the action is cancelling. */
  dismissLabel?: string;
  /** Runs the action: the dialog closes when it succeeds, and says why when it fails. */
  onConfirm: () => Promise<unknown>;
  variant?: "outline" | "destructive";
  size?: "default" | "sm";
};

/** A destructive action that asks first, in an accessible dialog (focus trapped, Escape backs out). */
export function ConfirmDialog({
  label,
  question,
  description,
  confirmLabel = label,
  dismissLabel = "Cancel",
  onConfirm,
  variant = "outline",
  size = "sm",
}: Props) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setError(null);
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button variant={variant} size={size} className="w-fit">
          {label}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-foreground/30" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 grid w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4 rounded-lg border bg-popover p-6 text-popover-foreground shadow-lg">
          <AlertDialog.Title className="font-semibold text-base leading-snug">{question}</AlertDialog.Title>
          <AlertDialog.Description className={description ? "text-muted-foreground text-sm" : "sr-only"}>
            {description ?? "Confirm, or go back without changing anything."}
          </AlertDialog.Description>
          {error ? <Alert variant="destructive">{error}</Alert> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="outline" disabled={pending}>
                {dismissLabel}
              </Button>
            </AlertDialog.Cancel>
            <Button variant="destructive" pending={pending} onClick={confirm}>
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
