import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./breaker";

describe("circuit breaker", () => {
  it("lets one trial through when half-open, and a trial whose outcome is never reported expires", () => {
    let clock = 0;
    const breaker = new CircuitBreaker({ threshold: 2, cooldownMs: 1_000, trialLeaseMs: 5_000, now: () => clock });
    breaker.failure();
    breaker.failure();
    expect(breaker.tryAcquire()).toBe(false);
    clock += 1_000;
    expect(breaker.state).toBe("half-open");
    expect(breaker.tryAcquire()).toBe(true); // the trial: its caller dies without success() or failure()
    expect(breaker.tryAcquire()).toBe(false);
    clock += 4_999;
    expect(breaker.tryAcquire()).toBe(false);
    clock += 1;
    expect(breaker.tryAcquire()).toBe(true); // the lease ran out: a new trial
    breaker.success();
    expect(breaker.state).toBe("closed");
  });

  it("frees the trial at once when the call never reached the service", () => {
    let clock = 0;
    const breaker = new CircuitBreaker({ threshold: 1, cooldownMs: 1_000, now: () => clock });
    breaker.failure();
    clock += 1_000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.release();
    expect(breaker.tryAcquire()).toBe(true);
  });
});
