"use client";

import { type ErrorProps, SectionError } from "@/shell/section-error";

export default function SettingsError(props: ErrorProps) {
  return <SectionError {...props} what="these settings" />;
}
