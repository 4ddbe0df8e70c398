import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default function SignUpPage() {
  return (
    <main className="center">
      <div className="card">
        <h1>Create your Frontdesk account</h1>
        <p className="muted">Set up your clinic; you can invite your team next.</p>
        <SignUpForm />
        <p className="card-footer muted">
          Already have an account? <Link href="/sign-in">Sign in</Link>
        </p>
      </div>
    </main>
  );
}
