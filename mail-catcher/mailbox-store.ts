// The catcher's mailbox folder: one `<id>.eml` file per message caught. The server (mail-catcher/
// smtp-server.ts) writes it; the development mailbox page reads it through these functions.
import { open, readdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { type AddressObject, simpleParser } from "mailparser";
import { z } from "zod";

export type MailboxMessage = {
  id: string;
  from: string;
  to: string;
  subject: string;
  /** ISO instant from the Date header, or null when it had none. */
  date: string | null;
  text: string | null;
  html: string | null;
  messageId: string | null;
};

// `<ms since epoch, 14 digits>-<uuid>`.
const zMessageId = z.string().regex(/^\d{14}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** A new message id: sorts by arrival, and has the only shape `readMessage` opens. */
export const newMessageId = () => `${String(Date.now()).padStart(14, "0")}-${crypto.randomUUID()}`;

const addressText = (a: AddressObject | AddressObject[] | undefined): string =>
  (Array.isArray(a) ? a : a ? [a] : []).map((x) => x.text).join(", ");

async function parseMessage(dir: string, id: string): Promise<MailboxMessage> {
  const parsed = await simpleParser(await readFile(path.join(dir, `${id}.eml`)));
  return {
    id,
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    subject: parsed.subject ?? "",
    date: parsed.date ? parsed.date.toISOString() : null,
    text: parsed.text ?? null,
    html: typeof parsed.html === "string" ? parsed.html : null,
    messageId: parsed.messageId ?? null,
  };
}

/** The newest `limit` caught messages, parsed, newest first. An absent folder is an empty box. */
export async function listMailbox(dir = "data/mailbox", limit = 50): Promise<MailboxMessage[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names
    .filter((n) => n.endsWith(".eml"))
    .map((n) => n.slice(0, -".eml".length))
    .filter((id) => zMessageId.safeParse(id).success)
    .sort()
    .reverse()
    .slice(0, Math.max(0, limit));
  return Promise.all(ids.map((id) => parseMessage(dir, id)));
}

/** One caught message by id, or null. The id is validated, so it can never name another file. */
export async function readMessage(dir: string, id: string): Promise<MailboxMessage | null> {
  if (!zMessageId.safeParse(id).success) return null;
  try {
    return await parseMessage(dir, id);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Erasure: removes every caught message to `address` (any recipient, any letter case), first
 * overwriting its bytes so the text does not linger in freed disk blocks. Answers how many went.
 */
export async function eraseMessagesTo(dir: string, address: string): Promise<number> {
  const wanted = address.trim().toLowerCase();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  let erased = 0;
  for (const name of names.filter((n) => n.endsWith(".eml"))) {
    const id = name.slice(0, -".eml".length);
    if (!zMessageId.safeParse(id).success) continue;
    const file = path.join(dir, name);
    let parsed: Awaited<ReturnType<typeof simpleParser>>;
    try {
      parsed = await simpleParser(await readFile(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const recipients = [parsed.to, parsed.cc, parsed.bcc]
      .flatMap((a) => (Array.isArray(a) ? a : a ? [a] : []))
      .flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
    if (!recipients.includes(wanted)) continue;
    const handle = await open(file, "r+");
    try {
      const { size } = await handle.stat();
      await handle.write(Buffer.alloc(size), 0, size, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await unlink(file);
    erased++;
  }
  return erased;
}
