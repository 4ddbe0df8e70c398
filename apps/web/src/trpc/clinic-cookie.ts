// The dashboard's clinic choice. It is only a request: the server checks membership on every
// call, so a stale or forged value can't reach another clinic's data.
import { CLINIC_COOKIE } from "@frontdesk/api/client";

export function chooseClinic(clinicId: string) {
  // biome-ignore lint/suspicious/noDocumentCookie: a synchronous write, so the router.refresh() right after sends it
  document.cookie = `${CLINIC_COOKIE}=${encodeURIComponent(clinicId)}; path=/; samesite=lax; max-age=${60 * 60 * 24 * 365}`;
}

export function forgetClinic() {
  // biome-ignore lint/suspicious/noDocumentCookie: as above
  document.cookie = `${CLINIC_COOKIE}=; path=/; samesite=lax; max-age=0`;
}
