"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { chooseClinic } from "@/trpc/clinic-cookie";

/**
 * The remembered clinic is gone for this user (they left, were removed, it was deleted, or
 * someone else used this browser): fall back to one they belong to. Server components can't
 * write cookies, hence the round trip through the browser.
 */
export function SwitchToClinic({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  useEffect(() => {
    chooseClinic(id);
    router.refresh();
  }, [id, router]);
  return <p className="muted">Opening {name}…</p>;
}
