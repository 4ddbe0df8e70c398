"use client";

import { Toaster as Sonner, type ToasterProps } from "sonner";

/** Where toasts appear; call `toast.success(…)` from "sonner" anywhere in the app. */
function Toaster(props: ToasterProps) {
  return (
    <Sonner
      position="bottom-right"
      closeButton
      toastOptions={{
        classNames: {
          toast: "!bg-popover !text-popover-foreground !border-border !shadow-lg",
          description: "!text-muted-foreground",
        },
      }}
      {...props}
    />
  );
}

export { Toaster };
