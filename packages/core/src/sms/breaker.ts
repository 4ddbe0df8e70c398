// A circuit breaker around Twilio, per worker process. After `threshold` consecutive failures
// it opens: sends are refused at once (the messages stay queued and their jobs retry with
// backoff) instead of piling onto an outage. After `cooldownMs` one trial send is let through;
// success closes it, failure opens it again.
export type BreakerState = "closed" | "open" | "half-open";

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly options: { threshold: number; cooldownMs: number; now?: () => number } = {
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

  /** Whether a call may go ahead now; in half-open, only one at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success() {
    this.failures = 0;
    this.trialInFlight = false;
  }

  failure() {
    this.failures += 1;
    this.trialInFlight = false;
    if (this.failures >= this.options.threshold) this.openedAt = this.now();
  }
}
