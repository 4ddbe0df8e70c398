import PusherClient from "pusher-js";

/**
 * pusher-js (its Node build) configured as the dashboard configures it, against this server on
 * `port`; `sign` plays /api/realtime/auth for private channels.
 */
export function browserClient(
  port: number,
  key: string,
  sign: (socketId: string, channel: string) => { auth: string },
): PusherClient {
  return new PusherClient(key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      endpoint: "/unused",
      transport: "ajax",
      customHandler: ({ socketId, channelName }, callback) => callback(null, sign(socketId, channelName)),
    },
  });
}
