CREATE TABLE `change_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`invitation_id` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`language` text NOT NULL,
	`decided_by_id` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `change_messages_action_customer_uq` ON `change_messages` (`action_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `change_messages_customer_idx` ON `change_messages` (`customer_id`);--> statement-breakpoint
CREATE TABLE `listening_note_reason_codes` (
	`note_id` text NOT NULL,
	`reason_code_id` text NOT NULL,
	PRIMARY KEY(`note_id`, `reason_code_id`),
	FOREIGN KEY (`note_id`) REFERENCES `listening_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reason_code_id`) REFERENCES `reason_codes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lnrc_reason_idx` ON `listening_note_reason_codes` (`reason_code_id`);--> statement-breakpoint
CREATE TABLE `listening_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`author_id` text NOT NULL,
	`heard_at` integer NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`emotion` text DEFAULT 'neutral' NOT NULL,
	`contact` text DEFAULT 'unknown' NOT NULL,
	`department_id` text,
	`customer_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `listening_notes_heard_idx` ON `listening_notes` (`heard_at`);--> statement-breakpoint
CREATE INDEX `listening_notes_customer_idx` ON `listening_notes` (`customer_id`);--> statement-breakpoint
CREATE TABLE `reason_code_history` (
	`id` text PRIMARY KEY NOT NULL,
	`reason_code_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`change` text NOT NULL,
	`before` text,
	`after` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`reason_code_id`) REFERENCES `reason_codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reason_code_history_code_idx` ON `reason_code_history` (`reason_code_id`,`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_action_events` (
	`id` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`actor_id` text,
	`kind` text DEFAULT 'status' NOT NULL,
	`dedupe_key` text,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Hand-edited: drizzle-kit copies the new columns too, which the old table lacks.
INSERT INTO `__new_action_events`("id", "action_id", "actor_id", "from_status", "to_status", "note", "created_at") SELECT "id", "action_id", "actor_id", "from_status", "to_status", "note", "created_at" FROM `action_events`;--> statement-breakpoint
DROP TABLE `action_events`;--> statement-breakpoint
ALTER TABLE `__new_action_events` RENAME TO `action_events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `action_events_action_idx` ON `action_events` (`action_id`);--> statement-breakpoint
CREATE INDEX `action_events_actor_idx` ON `action_events` (`actor_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `action_events_dedupe_uq` ON `action_events` (`dedupe_key`);--> statement-breakpoint
ALTER TABLE `actions` ADD `evidence_url` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `evidence_file_name` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `change_summary` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `created_by_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `insight_evidence` ADD `source` text DEFAULT 'survey' NOT NULL;--> statement-breakpoint
ALTER TABLE `insight_evidence` ADD `room_note_id` text REFERENCES room_notes(id);--> statement-breakpoint
ALTER TABLE `insight_evidence` ADD `listening_note_id` text REFERENCES listening_notes(id);--> statement-breakpoint
ALTER TABLE `insight_evidence` ADD `customer_id` text REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `insight_evidence` ADD `added_by_id` text REFERENCES users(id);--> statement-breakpoint
CREATE UNIQUE INDEX `insight_evidence_response_uq` ON `insight_evidence` (`insight_id`,`response_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `insight_evidence_room_note_uq` ON `insight_evidence` (`insight_id`,`room_note_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `insight_evidence_listening_uq` ON `insight_evidence` (`insight_id`,`listening_note_id`);--> statement-breakpoint
CREATE INDEX `insight_evidence_room_note_idx` ON `insight_evidence` (`room_note_id`);--> statement-breakpoint
CREATE INDEX `insight_evidence_listening_idx` ON `insight_evidence` (`listening_note_id`);--> statement-breakpoint
CREATE INDEX `insight_evidence_customer_idx` ON `insight_evidence` (`customer_id`);--> statement-breakpoint
ALTER TABLE `insights` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `reason_codes` ADD `label_zh` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `reason_codes` ADD `label_vi` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `reason_codes` ADD `definition` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `reason_codes` ADD `state` text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE `reason_codes` ADD `proposed_by_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `reason_codes` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `reason_codes_state_idx` ON `reason_codes` (`state`);--> statement-breakpoint
ALTER TABLE `departments` ADD `head_id` text REFERENCES users(id);