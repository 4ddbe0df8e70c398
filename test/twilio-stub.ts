// A local stand-in for Twilio's REST API (the Messages resource), spoken to by the real twilio
// SDK via TWILIO_API_BASE_URL. It checks Basic auth like Twilio does, answers in Twilio's JSON
// shapes (201 with a message, 4xx/5xx with { code, message, status }), and can be told to be
// down or to refuse opted-out numbers with 21610.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";

type StubMessage = {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
};

type Account = { accountSid: string; authToken: string };

/** `accounts`: the Twilio accounts it knows (the platform's, a clinic's own…). */
export async function startTwilioStub(...accounts: Account[]) {
  const state = {
    down: false,
    optedOut: new Set<string>(),
    messages: [] as StubMessage[],
    requests: 0,
    /** How long Twilio takes to answer a send, to keep sends in flight. */
    delayMs: 0,
  };
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => resolve(body));
    });
  const server: Server = createServer(async (req, res) => {
    state.requests += 1;
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const account = accounts.find(
      (a) => req.headers.authorization === `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString("base64")}`,
    );
    if (!account) return reply(401, { code: 20003, message: "Authenticate", status: 401 });
    if (req.method !== "POST" || req.url !== `/2010-04-01/Accounts/${account.accountSid}/Messages.json`) {
      return reply(404, { code: 20404, message: "The requested resource was not found", status: 404 });
    }
    const form = Object.fromEntries(new URLSearchParams(await read(req)));
    if (state.down) return reply(503, { code: 20503, message: "Service Unavailable", status: 503 });
    if (state.optedOut.has(form.To as string)) {
      return reply(400, { code: 21610, message: "Attempt to send to unsubscribed recipient", status: 400 });
    }
    const message: StubMessage = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      accountSid: account.accountSid,
      to: form.To as string,
      from: form.From as string,
      body: form.Body as string,
      statusCallback: form.StatusCallback,
    };
    state.messages.push(message);
    if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    reply(201, {
      sid: message.sid,
      account_sid: account.accountSid,
      to: message.to,
      from: message.from,
      body: message.body,
      status: "queued",
      num_segments: "1",
      direction: "outbound-api",
      date_created: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${account.accountSid}/Messages/${message.sid}.json`,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The X-Twilio-Signature Twilio would send, computed by the SDK. */
export const twilioSignature = (authToken: string, url: string, params: Record<string, string>) =>
  twilio.getExpectedTwilioSignature(authToken, url, params);
