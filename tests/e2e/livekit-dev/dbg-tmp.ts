import { launchChromium } from "../../support/chromium";
import { startTestLivekit } from "../../support/livekit-dev-server";
import { BrowserParticipant, mintToken, startPageServer } from "./harness";

const lk = await startTestLivekit({
  log: (l) => {
    if (!l.startsWith("publish") && !l.startsWith("join")) console.log(Date.now() % 100000, "[srv]", l);
  },
});
const pages = await startPageServer();
const browser = await launchChromium();
const people = await Promise.all(
  Array.from({ length: 9 }, (_, i) => BrowserParticipant.open(browser, pages.url, `p${i}`)),
);
for (const p of people) {
  p.page.on("console", (m) => {
    if (m.type() === "error") console.log(Date.now() % 100000, `[${p.identity}]`, m.text().slice(0, 200));
  });
  await p.join(lk.url, await mintToken(lk, p.identity, { room: "r" }));
  await p.publish({ audio: true, video: false });
}
await new Promise((r) => setTimeout(r, 12000));
const room = lk.server.registry.get("r")!;
for (const p of people) {
  const sp = room.byIdentity(p.identity)!;
  const desired = room.tracksFor(sp).map((t) => t.sid);
  const attached = sp.peer.attachedTrackSids();
  const m = await p.media();
  const zero = Object.entries(m)
    .filter(([, v]) => v.audioSamples === 0)
    .map(([k]) => k);
  const snap = await p.snapshot();
  const pubs = snap.remoteInfo.map((r) => `${r.identity}:${r.tracks.length}`).join(",");
  console.log(
    p.identity,
    "desired",
    desired.length,
    "attached",
    attached.length,
    "missingAttach",
    desired.filter((d) => !attached.includes(d)).length,
    "zeroSamples",
    zero.join(","),
    "subscribed",
    snap.subscribed.length,
    "remote",
    Object.keys(m).length,
    "sections",
    sp.peer.pc.getTransceivers().length,
    "spareA",
    sp.peer.spareCount("audio"),
  );
}
await browser.close();
await pages.close();
await lk.close();
