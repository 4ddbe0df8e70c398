"use client";

import { type ErrorProps, SectionError } from "@/shell/section-error";

export default function ClinicsError(props: ErrorProps) {
  return <SectionError {...props} what="the new clinic form" />;
}
