// POST /api/vapi/webhook over HTTP: the body is read with a cap before anything parses it, then
// core authenticates and answers. Kept apart from the route file so tests and the benchmark
// serve the exact handler the route serves, with their own database.
import { receiveVapiMessage, type VoiceDeps } from "@frontdesk/core/voice";
import { BodyTooLarge, readBody } from "./read-body";

/** End-of-call reports carry the whole transcript; a long call's report stays well under this. */
export const MAX_VAPI_BODY_BYTES = 2 * 1024 * 1024;

export async function handleVapiWebhook(req: Request, deps: VoiceDeps): Promise<Response> {
  let rawBody: string;
  try {
    rawBody = await readBody(req, MAX_VAPI_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return Response.json({ error: "webhook body too large" }, { status: 413 });
    return Response.json({ error: "could not read the request body" }, { status: 400 });
  }
  const reply = await receiveVapiMessage(deps, { headers: req.headers, rawBody });
  return Response.json(reply.body, { status: reply.status, headers: { "cache-control": "no-store" } });
}
