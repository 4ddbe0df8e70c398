// Who the local OpenID provider (google-oidc.ts) signs in, and the client it accepts.
export const GOOGLE_TEST_PERSON = { sub: "google-test-1", email: "google.person@example.test", name: "Gia Google" };
export const GOOGLE_CLIENT = { id: "e2e-google-client.apps.googleusercontent.com", secret: "e2e-google-secret" };
