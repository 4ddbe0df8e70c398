import { describe, expect, it } from "vitest";
import { clientIp } from "./http";

const headers = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("client IP behind proxies", () => {
  it("trusts only the entry our own proxy added, not what the client claimed", () => {
    expect(clientIp(headers("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(headers("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientIp(headers("203.0.113.9"), 1)).toBe("203.0.113.9");
  });

  it("falls back to the leftmost entry when there are fewer hops than configured, and to null", () => {
    expect(clientIp(headers("203.0.113.9"), 3)).toBe("203.0.113.9");
    expect(clientIp(headers(), 1)).toBeNull();
  });
});
