// The local Pusher-protocol server `npm run dev` starts beside the web app and the worker, for
// the app configured by PUSHER_APP_ID/KEY/SECRET on PUSHER_PORT. Production uses Pusher itself
// (or Soketi, Sockudo) and never runs this.
import { loadEnvOrExit } from "@frontdesk/core/env";
import { startRealtimeServer } from "./server";

const env = loadEnvOrExit(["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "PUSHER_PORT"]);
const { PUSHER_APP_ID: id, PUSHER_KEY: key, PUSHER_SECRET: secret } = env;
if (!id || !key || !secret) {
  console.error("config error: the realtime server needs PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET");
  process.exit(1);
}

const server = await startRealtimeServer({
  apps: [{ id, key, secret }],
  port: env.PUSHER_PORT ?? 6001,
  log: (line) => console.error(line),
});
console.log(`realtime (Pusher protocol 7) listening on ws://127.0.0.1:${server.port}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
