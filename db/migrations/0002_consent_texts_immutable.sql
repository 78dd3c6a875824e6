-- What a customer agreed to can never be rewritten: consent wording is insert-only.
CREATE TRIGGER `consent_texts_no_update` BEFORE UPDATE ON `consent_texts`
BEGIN SELECT RAISE(ABORT, 'consent texts are immutable once shown'); END;
--> statement-breakpoint
CREATE TRIGGER `consent_texts_no_delete` BEFORE DELETE ON `consent_texts`
BEGIN SELECT RAISE(ABORT, 'consent texts are immutable once shown'); END;
