"use client";

import { useState } from "react";

type Props = {
  label: string;
  /** The question shown after the first click, e.g. "Remove Ana from the clinic?" */
  question: string;
  confirmLabel?: string;
  /** The button that backs out; say something other than "Cancel" when the action is cancelling. */
  dismissLabel?: string;
  pending?: boolean;
  onConfirm: () => void;
};

/** A destructive action that asks once, inline (no browser dialog). */
export function ConfirmButton({
  label,
  question,
  confirmLabel = label,
  dismissLabel = "Cancel",
  pending = false,
  onConfirm,
}: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button inline secondary" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <span>{question}</span>
      <button type="button" className="button inline danger" disabled={pending} onClick={onConfirm}>
        {pending ? "Working…" : confirmLabel}
      </button>
      <button type="button" className="button inline secondary" disabled={pending} onClick={() => setAsking(false)}>
        {dismissLabel}
      </button>
    </span>
  );
}
