// Twilio's REST API for the e2e run (test/twilio-stub.ts on a fixed port): the web app searches
// and the worker buys numbers through the real twilio SDK (TWILIO_API_BASE_URL), on the made-up
// platform account. Usage: tsx e2e/stubs/twilio.ts <port> <accountSid> <authToken>
import { startTwilioStubOn } from "../../test/twilio-stub";

const [port, accountSid, authToken] = process.argv.slice(2);
if (!port || !accountSid || !authToken) throw new Error("usage: twilio.ts <port> <accountSid> <authToken>");
await startTwilioStubOn(Number(port), { accountSid, authToken });
