"use client";

import { useMutation } from "@tanstack/react-query";
import { ChevronsUpDown, LogOut, MonitorX } from "lucide-react";
import { signOut } from "next-auth/react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { forgetClinic } from "@/trpc/clinic-cookie";
import { useTRPC } from "@/trpc/react";

/** Ends this session and forgets the chosen clinic, so the next person starts at their own. */
function signOutHere() {
  forgetClinic();
  void signOut({ callbackUrl: "/sign-in" });
}

/** Who is signed in, and signing out: here, or on every browser and device at once. */
export function UserMenu({ name, email }: { name: string | null; email: string }) {
  const trpc = useTRPC();
  const everywhere = useMutation(trpc.account.signOutEverywhere.mutationOptions({ onSuccess: signOutHere }));
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex w-full cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
        <span className="grid size-8 shrink-0 place-items-center rounded-full bg-primary/10 font-medium text-primary">
          {(name ?? email).charAt(0).toUpperCase()}
        </span>
        <span className="grid min-w-0 flex-1">
          {name ? <span className="truncate font-medium">{name}</span> : null}
          <span className="truncate text-muted-foreground text-xs">{email}</span>
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
        <span className="sr-only">Account menu</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" side="top" className="w-64">
        <DropdownMenuLabel>Signed in as {email}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={signOutHere}>
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
        <DropdownMenuItem
          disabled={everywhere.isPending || everywhere.isSuccess}
          // Keep the menu open while it works, so a failure can say so.
          onSelect={(event) => {
            event.preventDefault();
            everywhere.mutate();
          }}
        >
          <MonitorX aria-hidden />
          {everywhere.isError ? "Sign out everywhere (that didn't work; try again)" : "Sign out everywhere"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
