"use client";

import { type ErrorProps, SectionError } from "@/shell/section-error";

export default function SmsError(props: ErrorProps) {
  return <SectionError {...props} what="the SMS log" />;
}
