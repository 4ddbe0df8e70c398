"use client";

import { type ErrorProps, SectionError } from "@/shell/section-error";

export default function DashboardError(props: ErrorProps) {
  return <SectionError {...props} what="the dashboard" />;
}
