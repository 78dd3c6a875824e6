// From notes to evidence to "you told us, we changed": quotes respect consent, heard-counts come
// from the evidence, and the message goes once per customer, in their language, only to those
// who agreed to be contacted, never to the withdrawn.
import "../support/test-env";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { changeMessages, outbox, roomNotes } from "@/db/schema";
import { createActionItem } from "@/server/action-items/create-action-item";
import { getActionItem } from "@/server/action-items/get-action-item";
import { moveActionItem } from "@/server/action-items/move-action-item";
import { decideChangeMessages } from "@/server/action-items/tell-customers/decide-change-messages";
import { attachEvidence, removeEvidence } from "@/server/insights/change-evidence";
import { createInsight } from "@/server/insights/create-insight";
import { getInsight } from "@/server/insights/get-insight";
import { withdrawCustomer } from "@/server/invitations/withdraw";
import { addListeningNote } from "@/server/notes/add-listening-note";
import { listSessionNotes } from "@/server/notes/list-session-notes";
import { listActiveCodes } from "@/server/reason-codes/list-active-codes";
import { ACCEPT, actorFor, invite, newCustomers, newSession, rsvp } from "../support/lifecycle-fixtures";
import { seededDb } from "../support/seeded-db";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;

beforeAll(async () => {
  staff = await seededDb();
});

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 16);

describe("closing the loop", () => {
  it("notes become evidence; quotes need consent; the change is told once, in each language", async () => {
    const sessionId = await newSession(staff.facilitator, { startsAtLocal: inDays(3), timeZone: "UTC" });
    const [en] = await newCustomers(1, { language: "en" });
    const [zh] = await newCustomers(1, { language: "zh" });
    const [vi] = await newCustomers(1, { language: "vi" });
    const [gone] = await newCustomers(1, { language: "en" });
    const people = [en!, zh!, vi!, gone!];
    const tokens = await invite(
      staff.facilitator,
      sessionId,
      people.map((p) => p.id),
    );
    await rsvp(tokens[0]!, { ...ACCEPT, quoteAnonymously: true, contactAfter: true });
    await rsvp(tokens[1]!, { ...ACCEPT, quoteAnonymously: true, contactAfter: true });
    await rsvp(tokens[2]!, { ...ACCEPT, quoteAnonymously: false, contactAfter: false });
    await rsvp(tokens[3]!, { ...ACCEPT, quoteAnonymously: true, contactAfter: true });

    const code = (await listActiveCodes(staff.facilitator))[0]!;
    const note = async (customerId: string, text: string, atSeconds: number) =>
      (
        await db
          .insert(roomNotes)
          .values({
            sessionId,
            authorId: staff.facilitator.userId,
            kind: "quote",
            text,
            atSeconds,
            customerId,
          })
          .returning()
      )[0]!;
    const notes = [
      await note(en!.id, "I rang three times about the same bill.", 65),
      await note(en!.id, "Every time a new person, every time from the start.", 130),
      await note(zh!.id, "我被转了四次。", 300),
      await note(vi!.id, "Tôi phải kể lại từ đầu.", 420),
      await note(gone!.id, "Nobody owned my problem.", 500),
    ];
    const logged = await addListeningNote(staff.agent, {
      heardOn: new Date().toISOString().slice(0, 10),
      channel: "phone",
      kind: "quote",
      text: "Caller says she was transferred five times.",
      codeNumbers: String(code.number),
    });

    // Triage: the session's notes, each at its moment; untriaged filter.
    const triage = await listSessionNotes(staff.facilitator, sessionId, { untriaged: "1" });
    expect(triage.notes.map((n) => n.atSeconds)).toEqual([65, 130, 300, 420, 500]);

    const { id: insightId } = await createInsight(staff.facilitator, {
      title: "Customers retell their story to every new person",
      customerAxis: "irritant",
      companyAxis: "irritant",
      reasonCodeIds: [code.id],
      evidence: notes.slice(0, 3).map((n) => `room_note:${n.id}`),
      contactsPerMonth: 1200,
      handlingMinutes: 6,
      hourlyCost: 30,
      customersAtRisk: 10,
      lifetimeValue: 500,
    });
    await attachEvidence(staff.facilitator, {
      insightId,
      evidence: [
        `room_note:${notes[3]!.id}`,
        `room_note:${notes[4]!.id}`,
        `listening:${logged.id}`,
        `room_note:${notes[0]!.id}`,
      ],
    });
    let insight = await getInsight(staff.executive, insightId);
    // Six pieces (the repeated note counts once), from four distinct customers.
    expect([insight.heard, insight.distinctCustomers]).toEqual([6, 4]);
    expect(insight.monthlyCost).toBe(1200 * 6 * 0.5 + 10 * 500);
    const byQuote = Object.fromEntries(insight.evidence.map((e) => [e.quote, [e.quotable, e.quoting]]));
    expect(byQuote["Tôi phải kể lại từ đầu."]).toEqual([false, "not_allowed"]);
    expect(byQuote["我被转了四次。"]).toEqual([true, "allowed"]);
    expect(byQuote["Caller says she was transferred five times."]).toEqual([false, "not_on_record"]);
    expect((await listSessionNotes(staff.facilitator, sessionId, { untriaged: "1" })).notes).toHaveLength(0);

    // Removing a piece lowers the count; adding it back restores it.
    const listening = insight.evidence.find((e) => e.source === "listening")!;
    await removeEvidence(staff.facilitator, { insightId, evidenceId: listening.id });
    expect((await getInsight(staff.executive, insightId)).heard).toBe(5);

    // One customer withdraws before the change lands: erased, never written to.
    await withdrawCustomer(await actorFor(tokens[3]!));
    // Their words are gone from the insight; the count (an aggregate) stays.
    insight = await getInsight(staff.executive, insightId);
    expect(insight.distinctCustomers).toBe(4);
    expect(insight.evidence.map((e) => e.quote)).not.toContain("Nobody owned my problem.");
    const withdrawn = insight.evidence.find((e) => e.quote === "[withdrawn by the customer]");
    expect(withdrawn?.quotable).toBe(false);

    const billing = staff.owner.departments.find((d) => d.isOwner)!.id;
    const { id: actionId } = await createActionItem(staff.facilitator, {
      insightId,
      departmentId: billing,
      ownerId: staff.owner.userId,
      title: "Give every bill query one owner",
      deadline: inDays(10).slice(0, 10),
    });
    await moveActionItem(staff.owner, {
      actionId,
      to: "done",
      note: "Every bill query now has one named owner.",
    });
    await moveActionItem(staff.facilitator, { actionId, to: "verified" });

    const view = (await getActionItem(staff.facilitator, actionId)).customers!;
    const status = Object.fromEntries(view.recipients.map((r) => [r.customerId, [r.status, r.excluded]]));
    expect(status[en!.id]).toEqual(["draft", null]);
    expect(status[zh!.id]).toEqual(["draft", null]);
    expect(status[vi!.id]?.[1]).toContain("did not agree to be contacted");
    expect(status[gone!.id]?.[1]).toContain("withdrew");
    expect(view.drafts.map((d) => d.language)).toEqual(["en", "zh"]);

    // Held first: nothing goes. Then sent, with the Chinese wording for the Chinese customer.
    await decideChangeMessages(staff.facilitator, { actionId, decision: "hold" });
    const mails = () =>
      db
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.kind, "change_message"),
            inArray(
              outbox.customerId,
              people.map((p) => p.id),
            ),
          ),
        );
    expect(await mails()).toHaveLength(0);
    expect(
      await decideChangeMessages(staff.facilitator, {
        actionId,
        decision: "send",
        summaryZh: "现在每个账单问题都有一位专人负责。",
      }),
    ).toEqual({ count: 2 });
    const sent = await mails();
    expect(sent.map((m) => m.customerId).sort()).toEqual([en!.id, zh!.id].sort());
    const zhMail = sent.find((m) => m.customerId === zh!.id)!;
    expect(zhMail.subject).toBe("您提出的意见，我们已经改进");
    expect(zhMail.text).toContain("现在每个账单问题都有一位专人负责。");
    expect(zhMail.text).toMatch(/\/i\/[A-Za-z0-9_-]+#help/);
    expect(sent.find((m) => m.customerId === en!.id)!.text).toContain(
      "Every bill query now has one named owner.",
    );

    // Once per customer per change: sending again, or reopening and verifying again, adds nothing.
    await expect(decideChangeMessages(staff.facilitator, { actionId, decision: "send" })).resolves.toEqual({
      count: 0,
    });
    await moveActionItem(staff.facilitator, { actionId, to: "open", note: "Checking once more" });
    await moveActionItem(staff.owner, { actionId, to: "done", note: "Checked." });
    await moveActionItem(staff.facilitator, { actionId, to: "verified" });
    await decideChangeMessages(staff.facilitator, { actionId, decision: "send" });
    expect(await mails()).toHaveLength(2);
    expect(await db.$count(changeMessages, eq(changeMessages.actionId, actionId))).toBe(2);
  });
});
