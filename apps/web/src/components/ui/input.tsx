import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** Shared by inputs, selects and textareas so form controls line up. */
export const controlClasses =
  "w-full min-w-0 rounded-md border border-input bg-card px-3 py-1.5 text-sm shadow-xs transition-colors placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/30 disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive aria-invalid:ring-destructive/20";

function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(controlClasses, "h-9 [&[readonly]]:bg-muted", type === "color" && "w-16 p-1", className)}
      {...props}
    />
  );
}

export { Input };
