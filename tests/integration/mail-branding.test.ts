// The company's name and logo (admin settings) in every email instead of "Immersion": each mail
// builder's output, queued through the outbox, carries the company's name in the header, the plain
// text and (where a subject names the product) the subject; the logo as an absolute URL; the name
// escaped in HTML; no placeholder left behind. The brand is fixed when the mail is queued.
import "../support/test-env";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { companySettings, outbox } from "@/db/schema";
import { invitationMail, surveyMail, withdrawalConfirmationMail } from "@/server/mail/customer-mails";
import { signInMail } from "@/server/mail/sign-in";
import { enqueueEmail } from "@/server/notify/outbox";
import { updateCompanySettings } from "@/server/settings/update-company-settings";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
});

const settings = (name: string, logoUrl: string) => ({
  name,
  logoUrl,
  currency: "GBP",
  supportPhone: "",
  defaultLanguages: ["en"],
  surveyFrequencyCapDays: "30",
  retentionMonths: "24",
});

async function queue(to: string, mail: { subject: string; html: string; text: string }) {
  const { id } = await db.transaction((tx) => enqueueEmail(tx, { kind: "brand_test", to, ...mail }));
  return (await db.query.outbox.findFirst({ where: eq(outbox.id, id) }))!;
}

describe("the company in emails", () => {
  it("every mail builder's mail carries the company's name and logo, none the product's", async () => {
    await updateCompanySettings(staff.admin, settings("Northwind <Energy> & Co", "/brand/logo.png"));
    const mails = [
      signInMail("http://app.test:3000/api/auth/callback/email?token=x"),
      invitationMail({
        locale: "vi",
        token: "t",
        title: "Hóa đơn",
        startsAt: new Date("2026-12-20T10:00:00Z"),
        timeZone: "Asia/Ho_Chi_Minh",
        durationMinutes: 45,
      }),
      surveyMail({ locale: "zh", token: "t", title: "账单" }),
      withdrawalConfirmationMail("en"),
    ];
    for (const [i, mail] of mails.entries()) {
      const row = await queue(`brand${i}@example.com`, mail);
      expect(row.html).toContain("Northwind &lt;Energy&gt; &amp; Co");
      expect(row.html).toContain('<img src="http://app.test:3000/brand/logo.png"');
      expect(row.text.split("\n")[0]).toBe("Northwind <Energy> & Co");
      for (const part of [row.subject, row.html, row.text]) {
        expect(part).not.toContain("Immersion");
        expect(part).not.toMatch(/\u{F8FF}/u);
      }
    }
    const signIn = await db.query.outbox.findFirst({ where: eq(outbox.toAddress, "brand0@example.com") });
    expect(signIn?.subject).toBe("Your sign-in link for Northwind <Energy> & Co");
  });

  it("uses the name as it was when the mail was queued, and the default without settings", async () => {
    await db.delete(companySettings);
    const plain = await queue("brand-default@example.com", withdrawalConfirmationMail("en"));
    expect(plain.text.split("\n")[0]).toBe("Immersion");
    expect(plain.html).not.toContain("<img");
    await updateCompanySettings(staff.admin, settings("Northwind Energy", ""));
    const before = await queue("brand-before@example.com", signInMail("http://app.test:3000/x"));
    await updateCompanySettings(staff.admin, settings("Southwind Power", ""));
    const again = await db.query.outbox.findFirst({ where: eq(outbox.id, before.id) });
    expect(again?.subject).toBe("Your sign-in link for Northwind Energy");
  });
});
