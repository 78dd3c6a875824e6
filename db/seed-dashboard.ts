import "server-only";
// Demo data for the executive dashboard: ten weeks of tagged room notes per reason code at steady
// rates, with a real spike in the last complete week (#9, prepayment top-ups, about four times
// its usual level) so "Emerging issues" has something true to say; quotes from attendees who
// agreed to be quoted, in their languages. Deterministic: one seeded generator, times from `now`.
import { and, eq, inArray } from "drizzle-orm";
import { bucketStart } from "@/lib/domain/rollups";
import { poissonDraw, seededRandom } from "@/lib/stats/random";
import type { Tx } from "./index";
import {
  consents,
  departments,
  invitations,
  reasonCodes,
  roomNoteReasonCodes,
  roomNotes,
  sessions,
  users,
} from "./schema";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
export const SPIKE_CODE = 9;

/** What people said, per code, in the languages we serve (the spike's words in all three). */
const WORDS: Record<number, string[]> = {
  1: ["It went up £40 after the tariff change and no one told me why."],
  2: ["Billing sent me to the contact centre and they sent me back."],
  4: ["After resetting my password it sends me back to the start.", "应用程序一直让我重新登录。"],
  7: ["Forty minutes on hold before anyone answered.", "Tôi phải chờ máy bốn mươi phút."],
  8: ["They said someone would ring within 48 hours."],
  9: [
    "I paid at the shop but the meter still said zero credit.",
    "我在商店充值了，但电表还是显示零。",
    "Tôi đã nạp tiền ở cửa hàng nhưng đồng hồ vẫn báo không còn tiền.",
    "The top-up code from the app was rejected twice.",
  ],
  11: ["I had to ask my son to translate the letter.", "信不是中文的，我看不懂。"],
  12: ["The display went blank and my bills became estimates."],
};

export async function seedDashboardHistory(tx: Tx, now: Date): Promise<void> {
  const random = seededRandom(20_261_202);
  const codes = await tx.select().from(reasonCodes).where(eq(reasonCodes.active, true));
  const depts = await tx.select({ id: departments.id, name: departments.name }).from(departments);
  const author = await tx.query.users.findFirst({ where: eq(users.role, "facilitator") });
  const ended = await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.status, "ended"));
  if (!author || ended.length === 0 || codes.length === 0) return;
  // Attendees of the ended sessions who said yes to being quoted (their latest answer).
  const attendees = await tx
    .select({
      sessionId: invitations.sessionId,
      customerId: invitations.customerId,
      granted: consents.granted,
    })
    .from(invitations)
    .innerJoin(
      consents,
      and(eq(consents.invitationId, invitations.id), eq(consents.purpose, "quote_anonymously")),
    )
    .where(
      and(
        inArray(
          invitations.sessionId,
          ended.map((s) => s.id),
        ),
        eq(invitations.status, "attended"),
      ),
    );
  const quotable = attendees.filter((a) => a.granted);
  const thisWeek = bucketStart("week", now);
  const notes: (typeof roomNotes.$inferInsert)[] = [];
  const links: { noteId: string; reasonCodeId: string }[] = [];
  for (const code of codes) {
    // Lower numbers are the everyday complaints: 2–9 a week; the rest 0.5–3.
    const rate = code.number <= 8 ? 2 + random() * 7 : 0.5 + random() * 2.5;
    const dept = depts[code.number % depts.length];
    for (let w = 10; w >= 1; w--) {
      const weekStart = thisWeek - w * WEEK;
      const count =
        code.number === SPIKE_CODE && w === 1 ? Math.round(rate * 4) + 8 : poissonDraw(rate, random);
      for (let k = 0; k < count; k++) {
        const words = WORDS[code.number];
        const who =
          words && quotable.length && random() < 0.6
            ? quotable[Math.floor(random() * quotable.length)]
            : null;
        const id = crypto.randomUUID();
        const createdAt = new Date(Math.min(weekStart + Math.floor(random() * WEEK), now.getTime() - 60_000));
        notes.push({
          id,
          sessionId: who?.sessionId ?? (ended[Math.floor(random() * ended.length)]?.id as string),
          authorId: author.id,
          kind: who ? "quote" : "summary",
          text:
            who && words
              ? (words[Math.floor(random() * words.length)] as string)
              : `Raised: ${code.label.toLowerCase()}.`,
          atSeconds: Math.floor(random() * 2700),
          emotion: "frustrated",
          contact: random() < 0.3 ? "repeat" : "first",
          departmentId: dept?.id ?? null,
          customerId: who?.customerId ?? null,
          createdAt,
        });
        links.push({ noteId: id, reasonCodeId: code.id });
      }
    }
  }
  for (let i = 0; i < notes.length; i += 200) await tx.insert(roomNotes).values(notes.slice(i, i + 200));
  for (let i = 0; i < links.length; i += 400)
    await tx.insert(roomNoteReasonCodes).values(links.slice(i, i + 400));
}
