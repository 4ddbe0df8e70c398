import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { controlClasses } from "./input";

/**
 * The platform's own select, styled like the other controls. Chosen over a Radix listbox on
 * purpose: it works in plain GET filter forms without script, keeps the native keyboard, screen
 * reader and mobile pickers, and a 45-zone list stays usable.
 */
function Select({ className, children, ...props }: ComponentProps<"select">) {
  return (
    <div className={cn("relative", className)}>
      <select data-slot="select" className={cn(controlClasses, "h-9 appearance-none pr-8")} {...props}>
        {children}
      </select>
      <ChevronDown
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden
      />
    </div>
  );
}

export { Select };
