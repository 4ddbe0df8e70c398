// The Twilio webhook routes over HTTP against the built app: form parsing, the signature
// checked against the public URL, and answers Twilio understands.
import { expect, test } from "@playwright/test";
import twilio from "twilio";
import { E2E_TWILIO_AUTH_TOKEN } from "../playwright.config";

const DEMO_NUMBER = "+15555550100"; // the seeded demo clinic's line (managed, platform account)

function signedForm(url: string, params: Record<string, string>, token = E2E_TWILIO_AUTH_TOKEN) {
  return {
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(token, url, params),
    },
    data: new URLSearchParams(params).toString(),
  };
}

test("a signed HELP to the clinic's number gets the help text back as TwiML", async ({ request, baseURL }) => {
  const url = `${baseURL}/api/twilio/sms/inbound`;
  const params = {
    To: DEMO_NUMBER,
    From: "+14155550900",
    Body: "help",
    MessageSid: `SM${Date.now()}${"0".repeat(19)}`,
  };
  const response = await request.post(url, signedForm(url, params));
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/xml");
  expect(await response.text()).toContain("<Message>Bright Smile Dental appointment texts. Reply STOP to stop");
});

test("a forged or unsigned webhook is refused with 403", async ({ request, baseURL }) => {
  const url = `${baseURL}/api/twilio/sms/inbound`;
  const params = {
    To: DEMO_NUMBER,
    From: "+14155550901",
    Body: "STOP",
    MessageSid: `SM${Date.now()}${"1".repeat(19)}`,
  };
  const forged = await request.post(url, signedForm(url, params, "f".repeat(32)));
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error).toContain("invalid X-Twilio-Signature");
  const unsigned = await request.post(url, {
    ...signedForm(url, params),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  expect(unsigned.status()).toBe(403);
  const json = await request.post(url, { data: params });
  expect(json.status()).toBe(415);
});

test("a delivery report for an unknown message is a clear 404, not a crash", async ({ request, baseURL }) => {
  const url = `${baseURL}/api/twilio/sms/status`;
  const params = {
    MessageSid: `SM${"9".repeat(32)}`,
    MessageStatus: "delivered",
    From: DEMO_NUMBER,
    To: "+14155550902",
  };
  const response = await request.post(url, signedForm(url, params));
  expect(response.status()).toBe(404);
  expect((await response.json()).error).toBe("no message with this MessageSid");
});

test("an oversized webhook body is refused with 413 before it is parsed", async ({ request, baseURL }) => {
  const url = `${baseURL}/api/twilio/sms/inbound`;
  const params = {
    To: DEMO_NUMBER,
    From: "+14155550903",
    Body: "x".repeat(100_000),
    MessageSid: `SM${"8".repeat(32)}`,
  };
  const response = await request.post(url, signedForm(url, params));
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toBe("webhook body too large");
});
