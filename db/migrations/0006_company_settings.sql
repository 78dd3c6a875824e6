CREATE TABLE `company_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text DEFAULT 'Immersion' NOT NULL,
	`logo_url` text,
	`currency` text DEFAULT 'GBP' NOT NULL,
	`support_phone` text,
	`default_languages` text DEFAULT '["en"]' NOT NULL,
	`survey_frequency_cap_days` integer DEFAULT 30 NOT NULL,
	`retention_months` integer DEFAULT 24 NOT NULL,
	`updated_at` integer,
	`updated_by` text,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "company_settings_single_row" CHECK("company_settings"."id" = 1)
);
