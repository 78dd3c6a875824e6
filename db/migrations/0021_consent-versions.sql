CREATE TABLE `consent_versions` (
	`version` text PRIMARY KEY NOT NULL,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `invitations` ADD `consent_version` text;