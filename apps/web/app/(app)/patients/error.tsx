"use client";

import { type ErrorProps, SectionError } from "@/shell/section-error";

export default function PatientsError(props: ErrorProps) {
  return <SectionError {...props} what="the patients" />;
}
