// The DEVELOPMENT SMTP catcher: a real SMTP server on loopback that keeps every message it is
// given as an .eml file, so the app's real sending path runs end to end with nothing installed.
// Started by `npm run dev` and `npm run mail-catcher`; never part of the app's own code.
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { isIP } from "node:net";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { SMTPServer } from "smtp-server";
import { newMessageId } from "./mailbox-store";

export type MailCatcher = { port: number; close(): Promise<void> };

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

function isLoopbackAddress(address: string): boolean {
  const ip = address.replace(/^::ffff:/, "");
  return ip === "::1" || (isIP(ip) === 4 && ip.startsWith("127."));
}

/**
 * Starts the catcher (no auth, no TLS, loopback only) and stores each message as
 * `<dir>/<id>.eml`. Port 0 picks a free port; the real one is returned.
 */
export async function startMailCatcher({
  port = 1025,
  host = "127.0.0.1",
  dir = "data/mailbox",
}: {
  port?: number;
  host?: string;
  dir?: string;
} = {}): Promise<MailCatcher> {
  // It accepts mail from anyone who can connect, so it must never listen beyond this machine.
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`The mail catcher listens on loopback only, not ${host}`);
  await mkdir(dir, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    // A reverse DNS lookup of 127.0.0.1 only adds latency (or a timeout without DNS).
    disableReverseLookup: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    banner: "Immersion development mail catcher",
    logger: false,
    closeTimeout: 2000,
    onConnect(session, callback) {
      if (isLoopbackAddress(session.remoteAddress)) return callback();
      callback(Object.assign(new Error("Loopback clients only"), { responseCode: 554 }));
    },
    onData(stream, _session, callback) {
      const id = newMessageId();
      const file = path.join(dir, `${id}.eml`);
      const partial = `${file}.part`;
      // Written under a temporary name and renamed when complete, so a reader never parses half
      // a message.
      pipeline(stream, createWriteStream(partial))
        .then(async () => {
          if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
            await rm(partial, { force: true });
            return callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
          }
          await rename(partial, file);
          callback(null, `Caught as ${id}`);
        })
        .catch(async (error: unknown) => {
          await rm(partial, { force: true });
          callback(error instanceof Error ? error : new Error("Could not store the message"));
        });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  // Errors after start (a client misbehaving) must not crash the dev process.
  server.on("error", (error) => console.warn(`[mail-catcher] ${error.message}`));
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return { port: actualPort, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
