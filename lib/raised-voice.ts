// The raised-voice hint (PRODUCT §3): from the audio levels the room already measures, learn each
// speaker's own usual loudness and notice when it stays well above it for a few seconds. It is a
// private cue for the facilitator's eyes only — computed in their browser, never sent to anyone,
// never stored, and never a judgement of the person (a raised voice is often distress, not anger).
//
// Thresholds (levels are WebRTC audioLevel / RMS, linear 0..1, converted to dBFS):
// - a sample counts as speech above SPEECH_DB (-34 dBFS, the room's speaking threshold 0.02);
//   silence and pauses neither teach the baseline nor raise the alarm;
// - the baseline is the running mean of that person's speech in dB over about BASELINE_TAU_S
//   (30 s), and no hint is given before WARMUP_S (15 s) of their speech has been heard;
// - "raised" is the short-term mean (about SHORT_TAU_S, 1.5 s) at least RAISE_DB (6 dB, twice the
//   amplitude) above the baseline, for RAISE_HOLD_S (3 s) of speech in a row (pauses up to
//   PAUSE_S, 2 s, are breaths and do not break the run);
// - the hint clears once the short-term mean is back within CLEAR_DB (3 dB) for CLEAR_HOLD_S (2 s).
// While raised the baseline learns ten times slower, so a long raised stretch does not quietly
// become the new normal.

export const SPEECH_DB = 20 * Math.log10(0.02);
export const BASELINE_TAU_S = 30;
export const SHORT_TAU_S = 1.5;
export const WARMUP_S = 15;
export const RAISE_DB = 6;
export const RAISE_HOLD_S = 3;
export const CLEAR_DB = 3;
export const CLEAR_HOLD_S = 2;
/** Silence longer than this ends a run of raised speech (shorter ones are breaths). */
export const PAUSE_S = 2;

type Voice = {
  baseline: number;
  short: number;
  heardS: number;
  lastAt: number | null;
  aboveS: number;
  belowS: number;
  silentS: number;
  raised: boolean;
};

/** Per-speaker detector; feed it every measured level, read who is raised now. */
export class RaisedVoiceDetector {
  private readonly voices = new Map<string, Voice>();

  /** One measurement of one speaker at `atMs`; returns whether that speaker is raised now. */
  push(identity: string, level: number, atMs: number): boolean {
    const v =
      this.voices.get(identity) ??
      ({
        baseline: 0,
        short: 0,
        heardS: 0,
        lastAt: null,
        aboveS: 0,
        belowS: 0,
        silentS: 0,
        raised: false,
      } as Voice);
    this.voices.set(identity, v);
    // Gaps longer than a second (a dropped packet of stats, a muted mic) count as one second.
    const dt = v.lastAt === null ? 0 : Math.min(1, Math.max(0, (atMs - v.lastAt) / 1000));
    v.lastAt = atMs;
    const db = level > 0 ? 20 * Math.log10(level) : -100;
    if (db < SPEECH_DB) {
      // Breaths between phrases are part of speaking; a silence of over PAUSE_S ends the run.
      v.silentS += dt;
      if (v.silentS > PAUSE_S) v.aboveS = 0;
      return v.raised;
    }
    v.silentS = 0;
    if (dt === 0 && v.heardS > 0) return v.raised;
    if (v.heardS === 0) {
      v.baseline = db;
      v.short = db;
    }
    v.heardS += dt;
    v.short += (db - v.short) * (1 - Math.exp(-dt / SHORT_TAU_S));
    const tau = v.raised ? BASELINE_TAU_S * 10 : BASELINE_TAU_S;
    v.baseline += (db - v.baseline) * (1 - Math.exp(-dt / tau));
    if (v.heardS < WARMUP_S) return false;
    const rise = v.short - v.baseline;
    if (!v.raised) {
      v.aboveS = rise >= RAISE_DB ? v.aboveS + dt : 0;
      if (v.aboveS >= RAISE_HOLD_S) {
        v.raised = true;
        v.belowS = 0;
      }
    } else {
      v.belowS = rise < CLEAR_DB ? v.belowS + dt : 0;
      if (v.belowS >= CLEAR_HOLD_S) {
        v.raised = false;
        v.aboveS = 0;
      }
    }
    return v.raised;
  }

  /** Forgets a speaker (they left): a new connection starts a new baseline. */
  forget(identity: string): void {
    this.voices.delete(identity);
  }
}
