CREATE TABLE `session_survey_settings` (
	`session_id` text PRIMARY KEY NOT NULL,
	`template_id` text,
	`delay_minutes` integer NOT NULL,
	`reminder_after_hours` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `survey_templates`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `survey_caps` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`last_sent_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `survey_format_defaults` (
	`format` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `survey_templates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `survey_template_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`questions` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `survey_templates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_template_versions_uq` ON `survey_template_versions` (`template_id`,`version`);--> statement-breakpoint
CREATE TABLE `survey_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_by_id` text,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `surveys` ADD `template_version_id` text REFERENCES survey_template_versions(id);--> statement-breakpoint
ALTER TABLE `surveys` ADD `kind` text DEFAULT 'after_session' NOT NULL;--> statement-breakpoint
ALTER TABLE `surveys` ADD `reminder_token_hash` text;--> statement-breakpoint
ALTER TABLE `surveys` ADD `reminder_sent_at` integer;--> statement-breakpoint
ALTER TABLE `surveys` ADD `draft` text;--> statement-breakpoint
ALTER TABLE `surveys` ADD `draft_saved_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_reminder_token_uq` ON `surveys` (`reminder_token_hash`);