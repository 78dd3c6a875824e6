// What the room tests look at inside the browser: every RTCPeerConnection (for getStats) and
// every message arriving on a data channel (to prove what a customer's client never receives).
import type { BrowserContext, Page } from "playwright-core";

const PROBE = `
(() => {
  const Orig = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = class extends Orig {
    constructor(...a) { super(...a); window.__pcs.push(this); }
  };
  const create = Orig.prototype.createDataChannel;
  Orig.prototype.createDataChannel = function (...a) {
    const ch = create.apply(this, a);
    ch.addEventListener("message", async (e) => {
      const buf = e.data instanceof ArrayBuffer ? e.data : await e.data.arrayBuffer();
      if (window.__recordData) window.__recordData(new TextDecoder().decode(buf));
    });
    return ch;
  };
})();`;

/** Installs the probe in every page of the context; `record` receives each data message. */
export async function installRoomProbe(ctx: BrowserContext, record?: (text: string) => void) {
  if (record) await ctx.exposeFunction("__recordData", record);
  await ctx.addInitScript(PROBE);
}

/** Decoded audio (samples received minus concealment) and video frames on the page's connections. */
export function inboundMedia(page: Page): Promise<{ audio: number; video: number }> {
  return page.evaluate(async () => {
    let audio = 0;
    let video = 0;
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === "closed") continue;
      (await pc.getStats()).forEach((s) => {
        if (s.type !== "inbound-rtp") return;
        if (s.kind === "audio") audio += (s.totalSamplesReceived ?? 0) - (s.concealedSamples ?? 0);
        if (s.kind === "video") video += s.framesDecoded ?? 0;
      });
    }
    return { audio, video };
  });
}
