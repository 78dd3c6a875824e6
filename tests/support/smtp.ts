// A real SMTP server on 127.0.0.1 for tests, programmable per message: accept it, answer 451
// (temporary failure), answer 550 (permanent failure), drop the connection mid-DATA, or take the
// whole message and drop the connection before replying (the sender cannot know it arrived).
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpMode = "accept" | "tempfail" | "permfail" | "drop" | "accept-drop";

export type ReceivedMail = {
  messageId: string | null;
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  text: string | null;
  html: string | null;
  headers: Map<string, unknown>;
  /** Attached files (a calendar part included), with their decoded text. */
  attachments: { filename: string | null; contentType: string; content: string }[];
};

export type TestSmtp = {
  port: number;
  url: string;
  /** Messages accepted so far, parsed, in arrival order. */
  received: ReceivedMail[];
  /** Every DATA attempt with the mode it got, accepted or not. */
  attempts: SmtpMode[];
  /** Message-IDs of the messages kept in "accept-drop" mode (they are in `received` too). */
  acceptedThenDropped: string[];
  /** Mode for messages not covered by `queueModes`. */
  setMode(mode: SmtpMode): void;
  /** The next messages get these modes, in order, before the default applies again. */
  queueModes(...modes: SmtpMode[]): void;
  /** Resolves once `count` messages have been accepted. */
  waitForReceived(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

const text = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).map((x) => x.text).join(", ");

/** Starts the server on `port` (0: a free one). */
export async function startTestSmtp({ port = 0, mode = "accept" }: { port?: number; mode?: SmtpMode } = {}) {
  let defaultMode: SmtpMode = mode;
  const queued: SmtpMode[] = [];
  const received: ReceivedMail[] = [];
  const attempts: SmtpMode[] = [];
  const acceptedThenDropped: string[] = [];

  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    // A reverse DNS lookup of 127.0.0.1 only adds latency (or a timeout without DNS).
    disableReverseLookup: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      const now = queued.shift() ?? defaultMode;
      attempts.push(now);
      if (now === "drop") {
        // Tear the TCP connection down without any reply, as a crashing relay would.
        for (const c of server.connections) if (c.id === session.id) c._socket.destroy();
        stream.resume();
        return;
      }
      if (now === "tempfail" || now === "permfail") {
        stream.resume();
        stream.on("end", () => {
          // Real relays echo the recipient in their replies; the sender must not store or log it.
          const rcpt = session.envelope.rcptTo.map((r) => `<${r.address}>`).join(" ");
          const [code, message] =
            now === "tempfail"
              ? [451, `4.3.0 ${rcpt} try again later`]
              : [550, `5.1.1 ${rcpt} mailbox unavailable`];
          callback(Object.assign(new Error(message), { responseCode: code }));
        });
        return;
      }
      simpleParser(stream)
        .then((m) => {
          if (now === "accept-drop") acceptedThenDropped.push(m.messageId ?? "");
          received.push({
            messageId: m.messageId ?? null,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            from: text(m.from),
            to: text(m.to),
            subject: m.subject ?? "",
            text: m.text ?? null,
            html: typeof m.html === "string" ? m.html : null,
            headers: m.headers,
            attachments: m.attachments.map((a) => ({
              filename: a.filename ?? null,
              contentType: a.contentType,
              content: a.content.toString("utf8"),
            })),
          });
          if (now === "accept-drop") {
            // Kept (a relay that crashed after queueing it), but the 250 never goes out.
            for (const c of server.connections) if (c.id === session.id) c._socket.destroy();
            return;
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;

  const smtp: TestSmtp = {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    attempts,
    acceptedThenDropped,
    setMode: (m) => {
      defaultMode = m;
    },
    queueModes: (...modes) => {
      queued.push(...modes);
    },
    async waitForReceived(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return smtp;
}
