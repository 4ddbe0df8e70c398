import type { ReactNode } from "react";
import { Brand } from "./brand";

/** The signed-out pages (sign in, sign up, password, invitation, errors): one card, centred. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <main className="grid min-h-screen place-items-center bg-gradient-to-b from-accent/60 to-background p-6">
      <div className="grid w-full max-w-sm gap-6">
        <p className="flex justify-center">
          <Brand />
        </p>
        <div className="grid gap-5 rounded-xl border bg-card p-7 shadow-sm">
          <div className="grid gap-1.5">
            <h1 className="font-semibold text-xl tracking-tight">{title}</h1>
            {description ? <p className="text-muted-foreground text-sm">{description}</p> : null}
          </div>
          {children}
        </div>
        {footer ? <p className="text-center text-muted-foreground text-sm">{footer}</p> : null}
      </div>
    </main>
  );
}
