import { describe, expect, it } from "vitest";
import { CONSENT_PURPOSES } from "@/lib/domain/consent";
import { LOCALES } from "@/lib/i18n/config";
import { CONSENT_TEXT_VERSION, consentText } from "@/lib/i18n/consent-texts";
import lock from "./consent-lock.json";
import { sha256 } from "./consent-texts";

describe("consent wording", () => {
  it("matches the hashes pinned for the current version in every language", () => {
    const pinned = (lock as Record<string, Record<string, Record<string, string>>>)[CONSENT_TEXT_VERSION];
    expect(pinned, `add ${CONSENT_TEXT_VERSION} to consent-lock.json`).toBeDefined();
    for (const locale of LOCALES) {
      for (const purpose of CONSENT_PURPOSES) {
        // A failure here means a consent text changed: bump CONSENT_TEXT_VERSION and pin the new
        // hashes under the new version, keeping the old entry (old consents refer to it).
        expect(sha256(consentText(locale, purpose)), `${locale}/${purpose}`).toBe(
          pinned?.[locale]?.[purpose],
        );
      }
    }
  });
});
