import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <main className="center">
      <div className="card">
        <h1>Choose a new password</h1>
        {token ? (
          <ResetPasswordForm token={token} />
        ) : (
          <p className="alert">
            This link is missing its code. Open the link from the email again, or{" "}
            <Link href="/forgot-password">request a new one</Link>.
          </p>
        )}
      </div>
    </main>
  );
}
