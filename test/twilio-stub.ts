// A local stand-in for Twilio's REST API, spoken to by the real twilio SDK via
// TWILIO_API_BASE_URL: Messages, IncomingPhoneNumbers (list, buy, update, release),
// AvailablePhoneNumbers/{country}/Local (search by AreaCode) and Accounts (create a subaccount
// with its own SID and token). It checks Basic auth like Twilio does (an account, or the owner of
// a subaccount, may use the subaccount's resources), answers in Twilio's JSON shapes (201 with
// the resource, list pages, 4xx/5xx with { code, message, status }), and can be told to be down
// or to refuse opted-out numbers with 21610.
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

type StubNumber = {
  sid: string;
  accountSid: string;
  phoneNumber: string;
  friendlyName: string;
  smsUrl: string;
  smsMethod: string;
  statusCallback: string;
  voiceUrl: string;
};

type Account = { accountSid: string; authToken: string; ownerAccountSid?: string; friendlyName?: string };

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

const numberJson = (n: StubNumber) => ({
  sid: n.sid,
  account_sid: n.accountSid,
  phone_number: n.phoneNumber,
  friendly_name: n.friendlyName,
  sms_url: n.smsUrl,
  sms_method: n.smsMethod,
  status_callback: n.statusCallback,
  voice_url: n.voiceUrl,
  capabilities: { voice: true, sms: true, mms: true, fax: false },
  status: "in-use",
  date_created: new Date().toUTCString(),
  uri: `/2010-04-01/Accounts/${n.accountSid}/IncomingPhoneNumbers/${n.sid}.json`,
});

/** A list page as Twilio sends it: the records under one key beside the paging metadata. */
const page = (key: string, uri: string, records: unknown[]) => ({
  [key]: records,
  uri,
  page: 0,
  page_size: Math.max(records.length, 50),
  start: 0,
  end: Math.max(records.length - 1, 0),
  first_page_uri: uri,
  next_page_uri: null,
  previous_page_uri: null,
});

/** `accounts`: the Twilio accounts it knows (the platform's, a clinic's own…). */
export async function startTwilioStub(...accounts: Account[]) {
  return startTwilioStubOn(0, ...accounts);
}

/** The same, on a fixed port (e2e). */
export async function startTwilioStubOn(listenPort: number, ...known: Account[]) {
  const accounts: Account[] = [...known];
  const state = {
    down: false,
    optedOut: new Set<string>(),
    messages: [] as StubMessage[],
    /** Numbers owned by the known accounts (add some for a clinic's own account in tests). */
    numbers: [] as StubNumber[],
    /** Every number bought (POST IncomingPhoneNumbers), in order, even if later released. */
    purchases: [] as string[],
    /** Subaccounts created through the API. */
    subaccounts: [] as Account[],
    /** "METHOD /path" of every authenticated request. */
    log: [] as string[],
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

  /** A number a clinic already has in its own Twilio account (bring your own). */
  const addNumber = (accountSid: string, phoneNumber: string, friendlyName = phoneNumber) => {
    const n: StubNumber = {
      sid: `PN${hex(16)}`,
      accountSid,
      phoneNumber,
      friendlyName,
      smsUrl: "",
      smsMethod: "POST",
      statusCallback: "",
      voiceUrl: "",
    };
    state.numbers.push(n);
    return n;
  };

  const server: Server = createServer(async (req, res) => {
    state.requests += 1;
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const notFound = () => reply(404, { code: 20404, message: "The requested resource was not found", status: 404 });
    const caller = accounts.find(
      (a) => req.headers.authorization === `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString("base64")}`,
    );
    if (!caller) return reply(401, { code: 20003, message: "Authenticate", status: 401 });
    const url = new URL(req.url ?? "/", "http://stub");
    state.log.push(`${req.method} ${url.pathname}`);
    const form = Object.fromEntries(new URLSearchParams(await read(req)));
    if (state.down) return reply(503, { code: 20503, message: "Service Unavailable", status: 503 });

    if (req.method === "POST" && url.pathname === "/2010-04-01/Accounts.json") {
      if (caller.ownerAccountSid)
        return reply(403, { code: 20005, message: "Subaccounts cannot create accounts", status: 403 });
      const sub: Account = {
        accountSid: `AC${hex(16)}`,
        authToken: hex(16),
        ownerAccountSid: caller.accountSid,
        friendlyName: form.FriendlyName ?? "Subaccount",
      };
      accounts.push(sub);
      state.subaccounts.push(sub);
      return reply(201, {
        sid: sub.accountSid,
        auth_token: sub.authToken,
        friendly_name: sub.friendlyName,
        owner_account_sid: caller.accountSid,
        status: "active",
        type: "Full",
        date_created: new Date().toUTCString(),
        uri: `/2010-04-01/Accounts/${sub.accountSid}.json`,
      });
    }

    const match = url.pathname.match(/^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/(.+)$/);
    const account = match && accounts.find((a) => a.accountSid === match[1]);
    // An account reaches its own resources, and a parent its subaccounts'.
    if (!match || !account || (account !== caller && account.ownerAccountSid !== caller.accountSid)) return notFound();
    const resource = match[2] as string;
    const base = `/2010-04-01/Accounts/${account.accountSid}`;

    if (req.method === "POST" && resource === "Messages.json") {
      if (state.optedOut.has(form.To as string)) {
        return reply(400, { code: 21610, message: "Attempt to send to unsubscribed recipient", status: 400 });
      }
      const message: StubMessage = {
        sid: `SM${hex(16)}`,
        accountSid: account.accountSid,
        to: form.To as string,
        from: form.From as string,
        body: form.Body as string,
        statusCallback: form.StatusCallback,
      };
      state.messages.push(message);
      if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      return reply(201, {
        sid: message.sid,
        account_sid: account.accountSid,
        to: message.to,
        from: message.from,
        body: message.body,
        status: "queued",
        num_segments: "1",
        direction: "outbound-api",
        date_created: new Date().toUTCString(),
        uri: `${base}/Messages/${message.sid}.json`,
      });
    }

    const available = resource.match(/^AvailablePhoneNumbers\/([A-Z]{2})\/Local\.json$/);
    if (req.method === "GET" && available) {
      const areaCode = url.searchParams.get("AreaCode") ?? "415";
      const size = Number(url.searchParams.get("PageSize") ?? 20);
      const taken = new Set(state.numbers.map((n) => n.phoneNumber));
      const records = Array.from({ length: 20 }, (_, i) => `+1${areaCode}555${String(100 + i).padStart(4, "0")}`)
        .filter((e164) => !taken.has(e164))
        .slice(0, size)
        .map((e164) => ({
          friendly_name: `(${areaCode}) 555-${e164.slice(-4)}`,
          phone_number: e164,
          locality: "Springfield",
          region: "CA",
          postal_code: "94000",
          iso_country: available[1],
          capabilities: { voice: true, SMS: true, MMS: true },
        }));
      return reply(200, page("available_phone_numbers", url.pathname, records));
    }

    if (resource === "IncomingPhoneNumbers.json") {
      if (req.method === "GET") {
        const wanted = url.searchParams.get("PhoneNumber");
        const records = state.numbers
          .filter((n) => n.accountSid === account.accountSid && (!wanted || n.phoneNumber === wanted))
          .map(numberJson);
        return reply(200, page("incoming_phone_numbers", url.pathname, records));
      }
      if (req.method === "POST") {
        const phoneNumber = form.PhoneNumber ?? "";
        if (!/^\+[1-9]\d{6,14}$/.test(phoneNumber) || state.numbers.some((n) => n.phoneNumber === phoneNumber)) {
          return reply(400, { code: 21422, message: "PhoneNumber requested is not available", status: 400 });
        }
        const n = addNumber(account.accountSid, phoneNumber, form.FriendlyName ?? phoneNumber);
        Object.assign(n, {
          smsUrl: form.SmsUrl ?? "",
          smsMethod: form.SmsMethod ?? "POST",
          statusCallback: form.StatusCallback ?? "",
          voiceUrl: form.VoiceUrl ?? "",
        });
        state.purchases.push(phoneNumber);
        return reply(201, numberJson(n));
      }
    }

    const one = resource.match(/^IncomingPhoneNumbers\/(PN[0-9a-f]{32})\.json$/);
    const found = one && state.numbers.find((n) => n.sid === one[1] && n.accountSid === account.accountSid);
    if (one && !found) return notFound();
    if (found) {
      if (req.method === "GET") return reply(200, numberJson(found));
      if (req.method === "POST") {
        if (form.SmsUrl !== undefined) found.smsUrl = form.SmsUrl;
        if (form.SmsMethod !== undefined) found.smsMethod = form.SmsMethod;
        if (form.StatusCallback !== undefined) found.statusCallback = form.StatusCallback;
        if (form.VoiceUrl !== undefined) found.voiceUrl = form.VoiceUrl;
        if (form.FriendlyName !== undefined) found.friendlyName = form.FriendlyName;
        return reply(200, numberJson(found));
      }
      if (req.method === "DELETE") {
        state.numbers.splice(state.numbers.indexOf(found), 1);
        res.writeHead(204);
        return void res.end();
      }
    }
    return notFound();
  });
  await new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    addNumber,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The X-Twilio-Signature Twilio would send, computed by the SDK. */
export const twilioSignature = (authToken: string, url: string, params: Record<string, string>) =>
  twilio.getExpectedTwilioSignature(authToken, url, params);
