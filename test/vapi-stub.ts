// A local stand-in for Vapi's REST API, spoken to by the real @vapi-ai/server-sdk through its
// baseUrl option. It checks the bearer token like Vapi does, keeps assistants, tools, phone
// numbers and calls in memory with Vapi's paths and shapes (POST creates with an id, GET, GET
// list, PATCH merges, DELETE), answers errors as { message, error, statusCode }, records every
// request (method, path, parsed body) and fails on demand: `down` answers 503 to everything,
// `failNext` queues statuses (or "timeout": no answer at all) for the next requests.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Resource = Record<string, unknown> & { id: string };
type VapiStubRequest = { method: string; path: string; body: unknown };
/** A status (Vapi's own message), a status with the message Vapi says, or "timeout" (no answer). */
type Failure = number | { status: number; message: string } | "timeout";

/** REST paths Vapi serves, by the resource's collection. */
const COLLECTIONS = ["assistant", "tool", "phone-number", "call"] as const;
type Collection = (typeof COLLECTIONS)[number];

const reasons: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : undefined;
}

export async function startVapiStub(token: string, { port: listenPort = 0 } = {}) {
  const store = Object.fromEntries(COLLECTIONS.map((c) => [c, new Map<string, Resource>()])) as Record<
    Collection,
    Map<string, Resource>
  >;
  const state = {
    /** GET /call/:id answers from here (tests put Vapi's Call objects in it). */
    calls: store.call,
    assistants: store.assistant,
    tools: store.tool,
    phoneNumbers: store["phone-number"],
    /** "METHOD /path", in order: what the SDK asked. */
    requests: [] as string[],
    /** The same requests with their bodies. */
    log: [] as VapiStubRequest[],
    down: false,
    failures: [] as Failure[],
    /** Failures for one "METHOD /path" only, used before `failures`. */
    failuresOn: new Map<string, Failure[]>(),
  };
  const hanging = new Set<ServerResponse>();

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stub");
    const path = url.pathname;
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      body = undefined;
    }
    // What the stub was asked, for tests in another process (e2e): no credentials needed.
    if (path === "/__stub/log")
      return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(state.log));
    state.requests.push(`${req.method} ${path}`);
    state.log.push({ method: req.method ?? "GET", path, body });
    const reply = (status: number, data: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(data));
    };
    const refuse = (status: number, message = reasons[status] ?? "Error") =>
      reply(status, { message, error: reasons[status] ?? "Error", statusCode: status });

    if (req.headers.authorization !== `Bearer ${token}`) {
      return refuse(
        401,
        "Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.",
      );
    }
    if (state.down) return refuse(503);
    const failure = state.failuresOn.get(`${req.method} ${path}`)?.shift() ?? state.failures.shift();
    if (failure === "timeout") return void hanging.add(res);
    if (typeof failure === "number") return refuse(failure);
    if (failure !== undefined) return refuse(failure.status, failure.message);

    const [, collection, id, extra] = path.split("/") as [string, string, string | undefined, string | undefined];
    if (!COLLECTIONS.includes(collection as Collection) || extra !== undefined) return refuse(404);
    const items = store[collection as Collection];
    const now = new Date().toISOString();
    if (!id) {
      if (req.method === "GET") {
        const limit = Number(url.searchParams.get("limit") ?? 100);
        return reply(200, [...items.values()].slice(0, limit));
      }
      if (req.method === "POST") {
        if (!body || typeof body !== "object") return refuse(400, "body must be an object");
        const created = { ...(body as object), id: randomUUID(), orgId: "org-stub", createdAt: now, updatedAt: now };
        items.set(created.id, created);
        return reply(201, created);
      }
      return refuse(404);
    }
    const found = items.get(decodeURIComponent(id));
    if (!found) return refuse(404);
    if (req.method === "GET") return reply(200, found);
    if (req.method === "PATCH") {
      if (!body || typeof body !== "object") return refuse(400, "body must be an object");
      const updated = { ...found, ...(body as object), id: found.id, updatedAt: now };
      items.set(found.id, updated);
      return reply(200, updated);
    }
    if (req.method === "DELETE") {
      items.delete(found.id);
      return reply(200, found);
    }
    return refuse(404);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    /** The next requests fail with these statuses ("timeout": the request is never answered). */
    failNext(...failures: Failure[]) {
      state.failures.push(...failures);
    },
    /** The next requests to one path fail, e.g. `failOn("POST", "/phone-number", 503)`; others pass. */
    failOn(method: string, path: string, ...failures: Failure[]) {
      state.failuresOn.set(`${method} ${path}`, [...(state.failuresOn.get(`${method} ${path}`) ?? []), ...failures]);
    },
    /** Requests to one path, e.g. `sent("POST", "/assistant")`. */
    sent(method: string, path: string) {
      return state.log.filter((r) => r.method === method && r.path === path);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
      }),
  };
}
