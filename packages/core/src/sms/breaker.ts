// A circuit breaker around Twilio, per worker process. After `threshold` consecutive failures
// it opens: sends are refused at once (the messages stay queued and their jobs retry with
// backoff) instead of piling onto an outage. After `cooldownMs` one trial send is let through;
// success closes it, failure opens it again. The trial is a lease, not a flag: if its outcome is
// never reported (the caller threw before or after Twilio, the process lost the job), it
// expires after `trialLeaseMs` and the next send becomes the trial, so the breaker can never be
// stuck half-open until a restart.
export type BreakerState = "closed" | "open" | "half-open";

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  /** When the current trial's lease runs out (0: no trial in flight). */
  private trialUntil = 0;

  constructor(
    private readonly options: { threshold: number; cooldownMs: number; trialLeaseMs?: number; now?: () => number } = {
      threshold: 5,
      cooldownMs: 30_000,
    },
  ) {}

  private now() {
    return (this.options.now ?? Date.now)();
  }

  get state(): BreakerState {
    if (this.failures < this.options.threshold) return "closed";
    return this.now() - this.openedAt >= this.options.cooldownMs ? "half-open" : "open";
  }

  /** Whether a call may go ahead now; in half-open, only one trial holds the lease at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.now() < this.trialUntil) return false;
    // Twilio's SDK gives up on a request well within a minute; a trial older than that is lost.
    this.trialUntil = this.now() + (this.options.trialLeaseMs ?? 60_000);
    return true;
  }

  success() {
    this.failures = 0;
    this.trialUntil = 0;
  }

  failure() {
    this.failures += 1;
    this.trialUntil = 0;
    if (this.failures >= this.options.threshold) this.openedAt = this.now();
  }

  /** The call let through never reached the service (a local error): free the trial at once. */
  release() {
    this.trialUntil = 0;
  }
}
