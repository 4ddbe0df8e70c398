import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <main className="center">
      <div className="card">
        <h1>Reset your password</h1>
        <p className="muted">We'll email you a link to choose a new one.</p>
        <ForgotPasswordForm />
        <p className="card-footer muted">
          Remembered it? <Link href="/sign-in">Sign in</Link>
        </p>
      </div>
    </main>
  );
}
