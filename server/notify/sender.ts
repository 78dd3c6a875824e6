import "server-only";
import { log } from "@/server/log/logger";

const outboxLog = log.child({ component: "outbox" });

import { and, eq, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import type { Db } from "@/db";
import { type OutboxRow, outbox } from "@/db/schema";
import { env } from "@/env";
import { checkpointWal } from "@/server/customers/finish-erasure";
import { type Backoff, backoffDelay, safeErrorText } from "@/server/jobs/retry";

/** What the sender needs from a transport; a nodemailer Transporter fits, so does a test wrapper. */
export type MailTransport = { sendMail(message: SendMailOptions): Promise<unknown> };

export type DeliverOptions = {
  db: Db;
  transport?: MailTransport;
  workerId: string;
  now?: Date;
  /** Rows claimed per call; bounds one worker tick. */
  limit?: number;
  /** Attempts before a row is dead-lettered even on temporary errors. */
  maxAttempts?: number;
  /** How long a claim lasts; longer than the worst send (the transport's timeouts). */
  leaseMs?: number;
  backoff?: Backoff;
};

/**
 * Mail whose address is the only trace of a customer who is already erased (the withdrawal
 * confirmation): once it has gone out, or can never go out, the row keeps no address or text, and
 * the WAL is checkpointed so the file holds nothing of them either.
 */
export const ERASE_AFTER_SEND: ReadonlySet<string> = new Set(["withdrawal_confirmation"]);

export type DeliverResult = { claimed: number; sent: number; retried: number; dead: number };

export const OUTBOX_DEFAULTS = {
  limit: 50,
  maxAttempts: 8,
  leaseMs: 2 * 60_000,
  backoff: { baseMs: 30_000, maxMs: 60 * 60_000 },
  concurrency: 4,
} as const;

/** A nodemailer SMTP transport for `url` (default `SMTP_URL`), with timeouts that fit the lease. */
export function createTransport(url: string = env.SMTP_URL): Transporter {
  return nodemailer.createTransport({
    url,
    // Short timeouts: a hung relay must give the row back long before its lease runs out.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/**
 * Claims due outbox rows with a lease, sends them over SMTP and marks them sent; temporary
 * failures are retried with backoff, permanent ones dead-lettered. Safe to run in many processes.
 */
export async function deliverDueEmails(options: DeliverOptions): Promise<DeliverResult> {
  const { db, workerId } = options;
  const now = options.now ?? new Date();
  const maxAttempts = options.maxAttempts ?? OUTBOX_DEFAULTS.maxAttempts;
  const result: DeliverResult = { claimed: 0, sent: 0, retried: 0, dead: 0 };

  result.dead += await buryAbandoned(db, now, maxAttempts);
  const claimed = await claimDueEmails(db, {
    now,
    limit: options.limit ?? OUTBOX_DEFAULTS.limit,
    maxAttempts,
    leaseMs: options.leaseMs ?? OUTBOX_DEFAULTS.leaseMs,
  });
  result.claimed = claimed.length;
  if (!claimed.length) return result;

  const ownTransport = options.transport ? null : createTransport();
  const transport = options.transport ?? (ownTransport as Transporter);
  try {
    const queue = [...claimed];
    const lane = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const outcome = await deliverOne(db, transport, row, { now, maxAttempts, workerId, options });
        result[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(OUTBOX_DEFAULTS.concurrency, claimed.length) }, lane));
  } finally {
    ownTransport?.close();
  }
  return result;
}

/**
 * One UPDATE … WHERE id IN (due rows) … RETURNING: SQLite (and a libSQL server) runs a single
 * statement atomically under the write lock, so two processes can never both claim a row.
 */
async function claimDueEmails(
  db: Db,
  { now, limit, maxAttempts, leaseMs }: { now: Date; limit: number; maxAttempts: number; leaseMs: number },
): Promise<OutboxRow[]> {
  const due = and(
    eq(outbox.status, "pending"),
    lte(outbox.nextAttemptAt, now),
    or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, now)),
    lt(outbox.attempts, maxAttempts),
  );
  const ids = db.select({ id: outbox.id }).from(outbox).where(due).orderBy(outbox.nextAttemptAt).limit(limit);
  return db
    .update(outbox)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
    .where(and(inArray(outbox.id, ids), due))
    .returning();
}

/** Rows out of attempts whose last claim expired (the sender died every time): dead-letter them. */
async function buryAbandoned(db: Db, now: Date, maxAttempts: number): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({
      status: "dead",
      leaseUntil: null,
      lastError: "abandoned: no sender finished this row within its lease",
    })
    .where(
      and(
        eq(outbox.status, "pending"),
        gte(outbox.attempts, maxAttempts),
        or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, now)),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

type Outcome = "sent" | "retried" | "dead";

async function deliverOne(
  db: Db,
  transport: MailTransport,
  row: OutboxRow,
  ctx: { now: Date; maxAttempts: number; workerId: string; options: DeliverOptions },
): Promise<Outcome> {
  // The lease we were given fences every later write: if it expired and another sender took the
  // row, our update matches nothing instead of overwriting theirs.
  const ours = and(
    eq(outbox.id, row.id),
    eq(outbox.status, "pending"),
    eq(outbox.leaseUntil, row.leaseUntil as Date),
  );
  try {
    await transport.sendMail({
      from: env.MAIL_FROM,
      to: row.toAddress,
      subject: row.subject,
      text: row.text,
      html: row.html,
      messageId: row.messageId,
      headers: { "Auto-Submitted": "auto-generated" },
      ...attachmentsOf(row),
    });
  } catch (error) {
    const lastError = safeErrorText(error);
    if (isPermanent(error) || row.attempts >= ctx.maxAttempts) {
      await db.update(outbox).set({ status: "dead", leaseUntil: null, lastError }).where(ours);
      await forgetIfErased(db, row);
      outboxLog.warn(
        { workerId: ctx.workerId, rowId: row.id, kind: row.kind, attempts: row.attempts, reason: lastError },
        "email dead",
      );
      return "dead";
    }
    const delay = backoffDelay(row.attempts, ctx.options.backoff ?? OUTBOX_DEFAULTS.backoff);
    const nextAttemptAt = new Date(ctx.now.getTime() + delay);
    await db.update(outbox).set({ leaseUntil: null, nextAttemptAt, lastError }).where(ours);
    outboxLog.warn(
      {
        workerId: ctx.workerId,
        rowId: row.id,
        kind: row.kind,
        attempt: row.attempts,
        retryInSeconds: Math.round(delay / 1000),
        reason: lastError,
      },
      "email failed, will retry",
    );
    return "retried";
  }
  // A crash right here leaves the row pending with its lease: after the lease it is sent again,
  // with the same Message-ID, so receiving systems can recognise the duplicate.
  const marked = await db
    .update(outbox)
    .set({ status: "sent", sentAt: new Date(), leaseUntil: null, lastError: null })
    .where(ours)
    .returning({ id: outbox.id });
  if (!marked.length)
    outboxLog.warn({ workerId: ctx.workerId, rowId: row.id }, "email sent after its lease expired");
  await forgetIfErased(db, row);
  return "sent";
}

async function forgetIfErased(db: Db, row: OutboxRow): Promise<void> {
  if (!ERASE_AFTER_SEND.has(row.kind)) return;
  await db.update(outbox).set({ toAddress: "", text: "", html: "" }).where(eq(outbox.id, row.id));
  await checkpointWal(db);
}

/**
 * A calendar file goes out as nodemailer's `icalEvent`: a text/calendar alternative carrying the
 * iTIP method (what mail clients need to show Accept/Decline or apply an update) plus the same
 * file as an attachment. Anything else is a plain attachment.
 */
function attachmentsOf(row: OutboxRow): Pick<SendMailOptions, "icalEvent" | "attachments"> {
  const all = row.attachments ?? [];
  const calendar = all.find((a) => a.contentType === "text/calendar");
  const rest = all.filter((a) => a !== calendar);
  return {
    ...(calendar
      ? {
          icalEvent: {
            filename: calendar.filename,
            method: calendar.method ?? "PUBLISH",
            content: calendar.content,
          },
        }
      : {}),
    ...(rest.length
      ? {
          attachments: rest.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })),
        }
      : {}),
  };
}

/**
 * 5xx replies to the envelope or the message are about this mail and will not change on retry.
 * Other 5xx (authentication, greeting) are a misconfigured relay: retry, so fixing the setting
 * lets the mail go out instead of dead-lettering everything queued meanwhile.
 */
function isPermanent(error: unknown): boolean {
  const e = error as { responseCode?: unknown; code?: unknown };
  const code = typeof e?.responseCode === "number" ? e.responseCode : 0;
  return code >= 500 && code < 600 && (e.code === "EENVELOPE" || e.code === "EMESSAGE");
}
