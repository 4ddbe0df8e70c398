import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";

type Handler = ReturnType<typeof NextAuth>;
let handler: Handler | undefined;

// Built on first request: the options need the validated environment.
const auth: Handler = (...args: Parameters<Handler>) => {
  handler ??= NextAuth(authOptions());
  return handler(...args);
};

export { auth as GET, auth as POST };
