CREATE TABLE `consent_texts` (
	`version` text NOT NULL,
	`language` text NOT NULL,
	`purpose` text NOT NULL,
	`text` text NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`version`, `language`, `purpose`)
);
--> statement-breakpoint
ALTER TABLE `invitations` ADD `payout_status` text DEFAULT 'not_due' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `table_count` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `round_minutes` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `incentive_amount_minor` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `incentive_currency` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `incentive_paid_by` text;