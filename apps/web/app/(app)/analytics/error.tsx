"use client";

import { type ErrorProps, SectionError } from "@/shell/section-error";

export default function AnalyticsError(props: ErrorProps) {
  return <SectionError {...props} what="the analytics" />;
}
