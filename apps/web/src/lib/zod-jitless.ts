import { z } from "zod";

// In the browser zod must not probe `new Function` for its compiled fast path: the nonce CSP
// (proxy.ts) reports the probe as a violation even though zod catches it. The probe runs when a
// schema is built, so this runs first: see ./schemas.ts.
if (typeof window !== "undefined") z.config({ jitless: true });
