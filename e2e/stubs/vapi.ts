// Vapi's REST API for the e2e run (test/vapi-stub.ts on a fixed port): the web app and the
// worker reach it through the real SDK (VAPI_BASE_URL); specs read what it was asked at
// GET /__stub/log. Usage: tsx e2e/stubs/vapi.ts <port> <token>
import { startVapiStub } from "../../test/vapi-stub";

const [port, token] = process.argv.slice(2);
if (!port || !token) throw new Error("usage: vapi.ts <port> <token>");
await startVapiStub(token, { port: Number(port) });
