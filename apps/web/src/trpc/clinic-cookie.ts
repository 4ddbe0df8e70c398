"use client";

// The dashboard's clinic choice. It is only a request: the server checks membership on every
// call, so a stale or forged value can't reach another clinic's data.
import { CLINIC_COOKIE } from "@frontdesk/api/client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";

function writeClinicCookie(clinicId: string | null) {
  const value = clinicId ? `${encodeURIComponent(clinicId)}; max-age=${60 * 60 * 24 * 365}` : "; max-age=0";
  // biome-ignore lint/suspicious/noDocumentCookie: a synchronous write, so the navigation right after sends it
  document.cookie = `${CLINIC_COOKIE}=${value}; path=/; samesite=lax`;
}

/** Forgets the chosen clinic (signing out): the next person starts at their own. */
export const forgetClinic = () => writeClinicCookie(null);

/**
 * Switches the dashboard to a clinic (null: none, e.g. after leaving one) and shows `path`, or
 * the current page again. The tab's query cache is dropped first: its answers were the other
 * clinic's, and the pages about to render bring this clinic's with them.
 */
export function useOpenClinic() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useCallback(
    (clinicId: string | null, path?: string) => {
      writeClinicCookie(clinicId);
      queryClient.clear();
      if (path) router.push(path);
      router.refresh();
    },
    [router, queryClient],
  );
}
