"use client";

import { useEffect } from "react";
import { useOpenClinic } from "@/trpc/clinic-cookie";

/**
 * The remembered clinic is gone for this user (they left, were removed, it was deleted, or
 * someone else used this browser): fall back to one they belong to. Server components can't
 * write cookies, hence the round trip through the browser.
 */
export function SwitchToClinic({ id, name }: { id: string; name: string }) {
  const openClinic = useOpenClinic();
  useEffect(() => openClinic(id), [id, openClinic]);
  return <p className="text-muted-foreground">Opening {name}…</p>;
}
