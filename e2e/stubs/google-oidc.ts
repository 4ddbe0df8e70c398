// A minimal OpenID Connect provider standing in for Google in browser tests: discovery,
// an authorize endpoint that signs in a fixed test person at once, a token endpoint issuing a
// real RS256-signed ID token, and the JWKS to verify it. next-auth's Google provider talks to
// it exactly as to Google (PKCE and state included); only the discovery URL differs.
// Run: tsx e2e/stubs/google-oidc.ts <port>
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer } from "node:http";
import { GOOGLE_CLIENT, GOOGLE_TEST_PERSON } from "./google-oidc-client";

const port = Number(process.argv[2] ?? 3900);
const issuer = `http://127.0.0.1:${port}`;
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const kid = randomBytes(8).toString("hex");
const codes = new Map<string, { challenge: string | null; nonce: string | null }>();

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
function idToken(nonce: string | null) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: issuer,
    aud: GOOGLE_CLIENT.id,
    iat: now,
    exp: now + 600,
    email_verified: true,
    ...GOOGLE_TEST_PERSON,
    ...(nonce ? { nonce } : {}),
  };
  const unsigned = `${b64url({ alg: "RS256", typ: "JWT", kid })}.${b64url(claims)}`;
  return `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), privateKey).toString("base64url")}`;
}

const json = (res: import("node:http").ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

createServer((req, res) => {
  const url = new URL(req.url ?? "/", issuer);
  if (url.pathname === "/.well-known/openid-configuration") {
    return json(res, 200, {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/userinfo`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ["code"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      code_challenge_methods_supported: ["S256"],
    });
  }
  if (url.pathname === "/jwks")
    return json(res, 200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] });
  if (url.pathname === "/authorize") {
    if (url.searchParams.get("client_id") !== GOOGLE_CLIENT.id) return json(res, 400, { error: "invalid_client" });
    const code = randomBytes(16).toString("hex");
    codes.set(code, { challenge: url.searchParams.get("code_challenge"), nonce: url.searchParams.get("nonce") });
    const back = new URL(url.searchParams.get("redirect_uri") as string);
    back.searchParams.set("code", code);
    back.searchParams.set("state", url.searchParams.get("state") ?? "");
    res.writeHead(302, { location: back.toString() });
    return res.end();
  }
  if (url.pathname === "/token" && req.method === "POST") {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const form = new URLSearchParams(body);
      const basic = Buffer.from(`${GOOGLE_CLIENT.id}:${GOOGLE_CLIENT.secret}`).toString("base64");
      const authenticated =
        req.headers.authorization === `Basic ${basic}` ||
        (form.get("client_id") === GOOGLE_CLIENT.id && form.get("client_secret") === GOOGLE_CLIENT.secret);
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      const pkceOk = !grant?.challenge || createHash("sha256").update(verifier).digest("base64url") === grant.challenge;
      if (!authenticated || !grant || !pkceOk) return json(res, 400, { error: "invalid_grant" });
      json(res, 200, {
        access_token: randomBytes(16).toString("hex"),
        token_type: "Bearer",
        expires_in: 3600,
        id_token: idToken(grant.nonce),
      });
    });
    return;
  }
  if (url.pathname === "/userinfo") return json(res, 200, { ...GOOGLE_TEST_PERSON, email_verified: true });
  json(res, 404, { error: "not_found" });
}).listen(port, "127.0.0.1");
