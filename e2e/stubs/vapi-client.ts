// Reading what the Vapi stub (vapi.ts) was asked, from a spec.
import { VAPI_STUB_URL } from "../../playwright.config";

type VapiRequest = { method: string; path: string; body: Record<string, unknown> };

/** Every request the app and the worker sent to Vapi so far, oldest first. */
export const vapiRequests = async () => (await (await fetch(`${VAPI_STUB_URL}/__stub/log`)).json()) as VapiRequest[];
