"use client";

import { type ErrorProps, SectionError } from "@/shell/section-error";

export default function ScheduleError(props: ErrorProps) {
  return <SectionError {...props} what="the schedule" />;
}
