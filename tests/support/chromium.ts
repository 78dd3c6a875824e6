// Launches the machine's Chromium (Debian's `chromium`) through playwright-core: no browser
// download, fake camera and microphone, and no background traffic (on a closed network Chromium's
// own background connections are refused and can stall start-up).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { type Browser, chromium, type LaunchOptions } from "playwright-core";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
  "--autoplay-policy=no-user-gesture-required",
];

/** The Chromium binary: $CHROMIUM_PATH, else /usr/bin/chromium, else chromium(-browser) on PATH. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      const found = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error("Chromium not found: install Debian's `chromium` or set CHROMIUM_PATH");
}

export interface LaunchChromiumOptions {
  /** Extra command-line flags, appended to the standard ones. */
  args?: string[];
  /** Passed through to playwright-core (e.g. `slowMo`, `env`). */
  launch?: Omit<LaunchOptions, "executablePath" | "args" | "headless">;
}

/** Starts headless Chromium with fake media devices; close it with `browser.close()`. */
export function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options.launch,
    executablePath: findChromium(),
    headless: true,
    args: [...chromiumArgs, ...(options.args ?? [])],
  });
}
