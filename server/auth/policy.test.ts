import { describe, expect, it } from "vitest";
import { DomainError, notFound } from "@/server/errors";
import type { Actor, StaffActor } from "./actor";
import { assertCan, can, POLICY } from "./policy";

const staff = (role: StaffActor["role"], extra: Partial<StaffActor> = {}): StaffActor => ({
  kind: "staff",
  userId: `u-${role}`,
  role,
  name: role,
  email: `${role}@x.test`,
  timeZone: "UTC",
  language: "en",
  departments: [],
  ...extra,
});

describe("can()", () => {
  it("denies the anonymous actor everything", () => {
    for (const action of Object.keys(POLICY) as (keyof typeof POLICY)[]) {
      expect(can({ kind: "anonymous" }, action, { sessionId: "s" })).toBe(false);
    }
  });

  it("lets only the session's facilitator (or an admin) manage it", () => {
    const r = { sessionFacilitatorId: "u-facilitator" };
    expect(can(staff("facilitator"), "session.manage", r)).toBe(true);
    expect(can(staff("facilitator", { userId: "other" }), "session.manage", r)).toBe(false);
    expect(can(staff("admin"), "session.manage", r)).toBe(true);
    expect(can(staff("executive"), "session.manage", r)).toBe(false);
  });

  it("keeps a customer link to its own invitation and session", () => {
    const c = { kind: "customer", invitationId: "i1", customerId: "c1", sessionId: "s1" } as const;
    expect(can(c, "invitation.respond", { invitationId: "i1" })).toBe(true);
    expect(can(c, "invitation.respond", { invitationId: "i2" })).toBe(false);
    expect(can(c, "room.join", { sessionId: "s1" })).toBe(true);
    expect(can(c, "room.join", { sessionId: "s2" })).toBe(false);
    expect(can(c, "room.join")).toBe(false);
    expect(can(c, "customer.list")).toBe(false);
  });

  it("lets department owners work only their department's actions", () => {
    const owner = staff("agent", { userId: "o", departments: [{ id: "billing", isOwner: true }] });
    const member = staff("agent", { userId: "m", departments: [{ id: "billing", isOwner: false }] });
    expect(can(owner, "action.work", { departmentId: "billing", ownerId: "x" })).toBe(true);
    expect(can(owner, "action.work", { departmentId: "delivery", ownerId: "x" })).toBe(false);
    expect(can(member, "action.work", { departmentId: "billing", ownerId: "x" })).toBe(false);
    expect(can(member, "action.work", { departmentId: "billing", ownerId: "m" })).toBe(true);
  });

  it("shows accessibility needs only to facilitators and admins", () => {
    expect(can(staff("facilitator"), "customer.accessibility.read")).toBe(true);
    expect(can(staff("admin"), "customer.accessibility.read")).toBe(true);
    expect(can(staff("executive"), "customer.accessibility.read")).toBe(false);
    expect(can(staff("agent"), "customer.accessibility.read")).toBe(false);
  });
});

describe("assertCan()", () => {
  it("refuses like can() and narrows the actor to the kinds the action allows", () => {
    const refusal = (fn: () => void) => {
      try {
        fn();
        return "allowed";
      } catch (e) {
        return e instanceof DomainError ? e.code : "other";
      }
    };
    expect(refusal(() => assertCan({ kind: "anonymous" }, "session.create"))).toBe("forbidden");
    expect(refusal(() => assertCan(staff("agent"), "action.verify", {}, () => notFound()))).toBe("not_found");
    const actor = staff("facilitator") as Actor;
    // @ts-expect-error before the assertion the actor may be anyone (no userId)
    expect(actor.userId).toBe("u-facilitator");
    assertCan(actor, "session.create");
    expect(actor.timeZone).toBe("UTC"); // narrowed to StaffActor: no cast needed
    const link = { kind: "customer", invitationId: "i1", customerId: "c1", sessionId: "s1" } as Actor;
    assertCan(link, "room.join", { sessionId: "s1" });
    expect(link.kind === "customer" ? link.invitationId : link.userId).toBe("i1");
  });
});

describe("the written policy", () => {
  it("docs/authorization.md is rendered from the current table", async () => {
    const { readFileSync } = await import("node:fs");
    const { renderPolicyMarkdown } = await import("./policy-doc");
    expect(readFileSync("docs/authorization.md", "utf8")).toBe(renderPolicyMarkdown());
  });
});
