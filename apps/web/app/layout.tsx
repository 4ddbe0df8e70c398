import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/trpc/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Frontdesk", template: "%s · Frontdesk" },
  description: "The AI receptionist for medical and dental clinics.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
