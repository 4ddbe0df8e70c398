// A local stand-in for Vapi's REST API (GET /call/:id), spoken to by the real
// @vapi-ai/server-sdk via its baseUrl option. It checks the bearer token like Vapi does and
// answers in Vapi's shapes: the Call object, 401 and 404 with { message, error, statusCode }.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export async function startVapiStub(token: string) {
  const state = { calls: new Map<string, Record<string, unknown>>(), requests: [] as string[], down: false };
  const server: Server = createServer((req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${token}`) {
      return reply(401, {
        message: "Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.",
        error: "Unauthorized",
        statusCode: 401,
      });
    }
    if (state.down) return reply(503, { message: "Service Unavailable", statusCode: 503 });
    const match = req.method === "GET" ? req.url?.match(/^\/call\/([^/?]+)$/) : null;
    const call = match ? state.calls.get(decodeURIComponent(match[1] as string)) : undefined;
    if (!call) return reply(404, { message: "Not Found", error: "Not Found", statusCode: 404 });
    reply(200, call);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
