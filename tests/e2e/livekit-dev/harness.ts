// Node side of the browser contract tests: serves livekit-client's own UMD bundle and the page
// script to Chromium, mints tokens with livekit-server-sdk, and polls what each page recorded.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AccessToken, type VideoGrant } from "livekit-server-sdk";
import type { Browser, Page } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const umdPath = path.join(path.dirname(require.resolve("livekit-client")), "livekit-client.umd.js");

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the test page on loopback: a blank document with livekit-client and the harness loaded. */
export async function startPageServer(): Promise<PageServer> {
  const files: Record<string, { type: string; body: Buffer }> = {
    "/": {
      type: "text/html",
      body: Buffer.from(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>livekit-dev harness</title>' +
          '<script src="/livekit-client.umd.js"></script><script src="/harness-page.js"></script></head><body></body></html>',
      ),
    },
    "/livekit-client.umd.js": { type: "text/javascript", body: readFileSync(umdPath) },
    "/harness-page.js": { type: "text/javascript", body: readFileSync(path.join(here, "harness-page.js")) },
  };
  const server: Server = createServer((req, res) => {
    const file = files[new URL(req.url ?? "/", "http://x").pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface MediaSeen {
  audioSamples: number;
  audioLevel: number;
  videoFrames: number;
  videoWidth: number;
}

export interface PublishOptions {
  audio?: boolean;
  video?: boolean;
  /** Camera capture size; livekit-client's default (1280x720) when unset. */
  width?: number;
  height?: number;
}

export interface PublishedLocal {
  sid: string;
  kind: string;
  /** Capture width of a video track (what the publisher sends as its top layer). */
  width: number;
}

export interface Snapshot {
  state: string;
  received: { from: string | null; topic: string | null; text: string }[];
  disconnectReason: number | undefined;
  permissionChanges: number;
  canPublish: boolean | undefined;
  metadata: string | undefined;
  subscribed: { identity: string; kind: string; sid: string }[];
  remoteInfo: {
    identity: string;
    name: string;
    metadata: string;
    attributes: Record<string, string>;
    tracks: { sid: string; kind: string; muted: boolean }[];
  }[];
}

/** One real livekit-client participant in its own browser context (own fake camera and mic). */
export class BrowserParticipant {
  private constructor(
    readonly identity: string,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, pageUrl: string, identity: string): Promise<BrowserParticipant> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("pageerror", (error) => console.error(`[${identity}] page error: ${error.message}`));
    await page.goto(pageUrl);
    await page.waitForFunction(() => "harness" in window);
    return new BrowserParticipant(identity, page);
  }

  join(url: string, token: string): Promise<{ sid: string; connectMs: number }> {
    return this.page.evaluate(([u, t]) => window.harness.join(u, t), [url, token] as const);
  }

  publish(kinds: PublishOptions = {}): Promise<PublishedLocal[]> {
    return this.page.evaluate((k) => window.harness.publish(k), kinds);
  }

  tryPublish(): Promise<{ ok: boolean; error?: string }> {
    return this.page.evaluate(() => window.harness.tryPublish());
  }

  sendData(
    text: string,
    options: { destinations?: string[]; topic?: string; reliable?: boolean } = {},
  ): Promise<void> {
    return this.page.evaluate(([t, o]) => window.harness.sendData(t, o), [text, options] as const);
  }

  media(): Promise<Record<string, MediaSeen>> {
    return this.page.evaluate(() => window.harness.media());
  }

  remoteIdentities(): Promise<string[]> {
    return this.page.evaluate(() => window.harness.remoteIdentities());
  }

  snapshot(): Promise<Snapshot> {
    return this.page.evaluate(() => window.harness.snapshot());
  }

  async close(): Promise<void> {
    await this.page.evaluate(() => window.harness.leave()).catch(() => {});
    await this.page.context().close();
  }
}

/** A join token as the app will mint it (livekit-server-sdk, HS256). */
export function mintToken(
  server: { apiKey: string; apiSecret: string },
  identity: string,
  grant: VideoGrant,
  extra: { name?: string; metadata?: string } = {},
): Promise<string> {
  const token = new AccessToken(server.apiKey, server.apiSecret, { identity, ttl: "10m", ...extra });
  token.addGrant({ roomJoin: true, ...grant });
  return token.toJwt();
}

/** Polls `read` until `done` holds; returns the last value, or throws with it after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

declare global {
  interface Window {
    harness: {
      join(url: string, token: string): Promise<{ sid: string; connectMs: number }>;
      publish(kinds: PublishOptions): Promise<PublishedLocal[]>;
      tryPublish(): Promise<{ ok: boolean; error?: string }>;
      sendData(
        text: string,
        options: { destinations?: string[]; topic?: string; reliable?: boolean },
      ): Promise<void>;
      media(): Promise<Record<string, MediaSeen>>;
      remoteIdentities(): Promise<string[]>;
      snapshot(): Promise<Snapshot>;
      leave(): Promise<void>;
    };
  }
}
