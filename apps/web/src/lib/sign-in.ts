import { signIn } from "next-auth/react";

/** Signs in with a password just chosen (sign-up); false if that didn't work, so the page can say what to do. */
export async function signInWithNewPassword(email: string, password: string) {
  const session = await signIn("credentials", { email, password, redirect: false });
  return Boolean(session?.ok && !session.error);
}
