import { describe, expect, it } from "vitest";
import { BodyTooLarge, readBody } from "./read-body";

const streamed = (chunks: string[]) =>
  new Request("http://localhost/hook", {
    method: "POST",
    body: new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    }),
    // @ts-expect-error Node's fetch needs this for a streamed body
    duplex: "half",
  });

describe("readBody", () => {
  it("reads a body within the limit", async () => {
    expect(await readBody(new Request("http://localhost/hook", { method: "POST", body: "a=1&b=2" }), 64)).toBe(
      "a=1&b=2",
    );
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    const req = new Request("http://localhost/hook", {
      method: "POST",
      body: "x".repeat(10),
      headers: { "content-length": "100000" },
    });
    await expect(readBody(req, 64)).rejects.toBeInstanceOf(BodyTooLarge);
  });

  it("stops reading a streamed body (no length declared) once it passes the limit", async () => {
    await expect(readBody(streamed(["x".repeat(40), "x".repeat(40)]), 64)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(await readBody(streamed(["x".repeat(30), "y".repeat(30)]), 64)).toHaveLength(60);
  });
});
