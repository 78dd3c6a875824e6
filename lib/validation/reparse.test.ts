import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zCommentActionItem, zEditActionItem, zMoveActionItem } from "./action-items";
import { zDecideChangeMessages } from "./change-messages";
import { zUpdateInsight } from "./insights";
import { zAddListeningNote, zAttachEvidence } from "./notes";
import { zSaveReasonCode } from "./reason-codes";

// The entry kit parses a form at the edge and the domain parses the result again: every schema
// must accept its own output (a blank field turned into null must stay acceptable).
const id = "0b8a8c1e-6a3f-4c59-9a57-1d2f3c4b5a69";
const cases: [string, z.ZodType, unknown][] = [
  ["move (no evidence fields)", zMoveActionItem, { actionId: id, to: "verified" }],
  [
    "move (blank evidence)",
    zMoveActionItem,
    { actionId: id, to: "done", note: "x", evidenceUrl: "", evidenceFileName: "" },
  ],
  [
    "edit",
    zEditActionItem,
    { actionId: id, departmentId: id, ownerId: id, title: "A title", deadline: "2030-01-01" },
  ],
  ["comment", zCommentActionItem, { actionId: id, text: "hi" }],
  ["tell", zDecideChangeMessages, { actionId: id, decision: "send", summaryZh: "" }],
  [
    "listening",
    zAddListeningNote,
    {
      heardOn: "2026-01-01",
      channel: "phone",
      kind: "quote",
      text: "Said it",
      departmentId: "",
      customerEmail: "",
    },
  ],
  ["attach", zAttachEvidence, { insightId: id, evidence: [`room_note:${id}`] }],
  [
    "insight",
    zUpdateInsight,
    { insightId: id, title: "Title", customerAxis: "value", companyAxis: "value", reasonCodeIds: [id] },
  ],
  ["code", zSaveReasonCode, { number: "3", label: "A code" }],
];

describe("schemas accept their own output", () => {
  for (const [name, schema, input] of cases)
    it(name, () => {
      const once = schema.parse(input);
      expect(schema.parse(once)).toEqual(once);
    });
});
