"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A secret or link shown once: selectable text plus a copy button that says when it worked. */
export function CopyField({ value, label }: { value: string; label: string }) {
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
    <div className="flex gap-2">
      <Input
        aria-label={label}
        readOnly
        value={value}
        className="font-mono text-xs"
        onFocus={(event) => event.currentTarget.select()}
      />
      <Button variant="outline" onClick={copy}>
        {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
        {copied === true ? "Copied" : copied === false ? "Select and copy it" : "Copy"}
      </Button>
    </div>
  );
}
