"use client";

import { type ErrorProps, SectionError } from "@/shell/section-error";

export default function CallsError(props: ErrorProps) {
  return <SectionError {...props} what="the calls" />;
}
