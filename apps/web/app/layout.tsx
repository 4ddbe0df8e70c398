import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/sonner";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Frontdesk", template: "%s · Frontdesk" },
  description: "The AI receptionist for medical and dental clinics.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, even those with nothing personal on them: proxy.ts gives each
  // response a fresh CSP nonce, and a page prerendered at build time has none in its scripts.
  await connection();
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <Toaster />
      </body>
    </html>
  );
}
