import { describe, expect, it } from "vitest";
import { BodyTooLarge, readBoundedText } from "./bounded-body";

/** A 10 MB body in 64 KiB chunks, produced only as it is read; `pulled` counts what was read. */
function tenMegabytes() {
  const chunk = new Uint8Array(64 * 1024).fill(120);
  const counter = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= 10 * 1024 * 1024) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, counter };
}

const request = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://app.test/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBoundedText", () => {
  it("stops reading a chunked body as soon as it passes the bound", async () => {
    const { body, counter } = tenMegabytes();
    await expect(readBoundedText(request(body), 16 * 1024)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(counter.pulled).toBeLessThanOrEqual(4 * 64 * 1024);
  });

  it("refuses a declared length over the bound without reading", async () => {
    const { body, counter } = tenMegabytes();
    await expect(
      readBoundedText(request(body, { "content-length": String(10 * 1024 * 1024) }), 1024),
    ).rejects.toBeInstanceOf(BodyTooLarge);
    expect(counter.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it("reads a body within the bound, multibyte text intact", async () => {
    expect(await readBoundedText(request("Xin chào 你好 🎉"), 1024)).toBe("Xin chào 你好 🎉");
    expect(await readBoundedText(new Request("http://app.test/x"), 1024)).toBe("");
  });
});
