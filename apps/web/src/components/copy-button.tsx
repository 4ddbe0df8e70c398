"use client";

import { useState } from "react";

/** Copies `value`; says so for a moment. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false); // clipboard blocked (permissions, insecure origin): the text is selectable
    }
    setTimeout(() => setCopied(null), 2000);
  }

  return (
    <button type="button" className="button inline secondary" onClick={copy}>
      {copied === true ? "Copied" : copied === false ? "Select and copy it" : label}
    </button>
  );
}

/** A secret or link shown once: selectable text plus a copy button. */
export function CopyField({ value, label }: { value: string; label: string }) {
  return (
    <div className="copy-field">
      <input aria-label={label} readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
      <CopyButton value={value} />
    </div>
  );
}
