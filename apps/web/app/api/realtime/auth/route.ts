// pusher-js asks here before it subscribes to a private channel: a signed-in member gets a
// signature for their own clinic's channel on their own socket; everyone else a 403.
import { AppError } from "@frontdesk/core";
import { authorizeRealtimeChannel } from "@frontdesk/core/realtime";
import { sessionUserId } from "@/server/auth";
import { BodyTooLarge, readBody } from "@/server/read-body";
import { realtime } from "@/server/realtime";
import { rootDb } from "@/server/services";

const statusOf: Partial<Record<AppError["code"], number>> = { BAD_REQUEST: 400, FORBIDDEN: 403, UNAVAILABLE: 503 };

export async function POST(request: Request) {
  if (request.headers.has("authorization")) {
    return Response.json({ error: "API keys cannot listen to live updates; read through the API" }, { status: 403 });
  }
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await readBody(request, 2048));
  } catch (error) {
    if (error instanceof BodyTooLarge) return Response.json({ error: "request body too large" }, { status: 413 });
    throw error;
  }
  const socketId = form.get("socket_id") ?? "";
  const channel = form.get("channel_name") ?? "";
  try {
    const userId = await sessionUserId();
    await authorizeRealtimeChannel(rootDb(), userId ? { type: "user", userId } : null, { socketId, channel });
    return Response.json(realtime().signSubscription(socketId, channel));
  } catch (error) {
    if (error instanceof AppError && statusOf[error.code]) {
      return Response.json({ error: error.message }, { status: statusOf[error.code] });
    }
    throw error;
  }
}
