import { ZodError } from "zod";

// One error type for the whole domain. The tRPC layer maps `code` to an HTTP/tRPC error,
// the worker maps it to retry / don't-retry; the message is always safe to show a person.
export const appErrorCodes = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "INTERNAL",
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

/**
 * Worth retrying: the same input may succeed later. An outage or a limit passes, and so may an
 * error we know nothing about (a dropped connection); a refusal (bad input, missing row,
 * conflict, no permission) and input that fails its schema come back the same every time.
 */
export const isTransient = (error: unknown) =>
  error instanceof AppError
    ? error.code === "UNAVAILABLE" || error.code === "RATE_LIMITED"
    : !(error instanceof ZodError);
