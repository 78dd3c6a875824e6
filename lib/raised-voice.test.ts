import { describe, expect, it } from "vitest";
import { RAISE_HOLD_S, RaisedVoiceDetector, WARMUP_S } from "./raised-voice";

// Synthesised speech levels, one every 300 ms (as the room measures them): syllables fluctuate
// around a mean loudness, with short pauses between phrases. A seeded generator keeps it repeatable.
function speech(seconds: number, meanDb: number, seed = 1, startMs = 0) {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const out: { at: number; level: number }[] = [];
  for (let t = 0; t < seconds * 1000; t += 300) {
    const pause = t % 4000 > 3400; // 0.6 s pause every 4 s
    const db = pause ? -60 : meanDb + (rand() - 0.5) * 8; // ±4 dB syllable variation
    out.push({ at: startMs + t, level: 10 ** (db / 20) });
  }
  return out;
}

function run(d: RaisedVoiceDetector, samples: { at: number; level: number }[], who = "cust_a") {
  let firstRaisedAt: number | null = null;
  let raisedSamples = 0;
  for (const x of samples) {
    if (d.push(who, x.level, x.at)) {
      raisedSamples++;
      firstRaisedAt ??= x.at;
    }
  }
  return { firstRaisedAt, raisedSamples };
}

describe("RaisedVoiceDetector", () => {
  it("never triggers on a steady voice, loud or quiet", () => {
    for (const mean of [-30, -20, -12]) {
      const d = new RaisedVoiceDetector();
      expect(run(d, speech(180, mean, 7)).raisedSamples).toBe(0);
    }
  });

  it("triggers a few seconds into a sustained rise of 10 dB, and clears after it", () => {
    const d = new RaisedVoiceDetector();
    const calm = speech(40, -24, 3);
    const raised = speech(8, -14, 5, 40_000);
    const calmAgain = speech(20, -24, 9, 48_000);
    expect(run(d, calm).raisedSamples).toBe(0);
    const { firstRaisedAt } = run(d, raised);
    expect(firstRaisedAt).not.toBeNull();
    // Held for RAISE_HOLD_S after the short-term mean has climbed: within about 5 s of the rise.
    expect(firstRaisedAt! - 40_000).toBeGreaterThanOrEqual(RAISE_HOLD_S * 1000);
    expect(firstRaisedAt! - 40_000).toBeLessThan(6_000);
    const after = run(d, calmAgain);
    expect(d.push("cust_a", 10 ** (-24 / 20), 68_300)).toBe(false);
    expect(after.raisedSamples).toBeLessThan(20);
  });

  it("ignores a one-second burst (a laugh, a cough)", () => {
    const d = new RaisedVoiceDetector();
    run(d, speech(40, -24, 3));
    const burst = speech(1, -10, 4, 40_000);
    const rest = speech(20, -24, 6, 41_000);
    expect(run(d, [...burst, ...rest]).raisedSamples).toBe(0);
  });

  it("says nothing before it has heard enough of the person to know their usual voice", () => {
    const d = new RaisedVoiceDetector();
    const early = [...speech(WARMUP_S / 2, -30, 2), ...speech(WARMUP_S / 2, -12, 8, (WARMUP_S / 2) * 1000)];
    expect(run(d, early).raisedSamples).toBe(0);
  });

  it("keeps each speaker's baseline apart", () => {
    const d = new RaisedVoiceDetector();
    // A loud-voiced and a quiet-voiced person, interleaved: neither is "raised" against the other.
    const loud = speech(60, -12, 11);
    const quiet = speech(60, -30, 12);
    let raised = 0;
    for (let i = 0; i < loud.length; i++) {
      if (d.push("loud", loud[i]!.level, loud[i]!.at)) raised++;
      if (d.push("quiet", quiet[i]!.level, quiet[i]!.at)) raised++;
    }
    expect(raised).toBe(0);
  });
});
