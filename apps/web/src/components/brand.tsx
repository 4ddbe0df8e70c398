import { Headset } from "lucide-react";

/** The product's mark and name. */
export function Brand() {
  return (
    <span className="flex items-center gap-2 font-semibold text-foreground">
      <span className="grid size-7 place-items-center rounded-md bg-primary text-primary-foreground">
        <Headset className="size-4" aria-hidden />
      </span>
      Frontdesk
    </span>
  );
}
