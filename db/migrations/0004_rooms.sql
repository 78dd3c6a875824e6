CREATE TABLE `livekit_webhook_events` (
	`id` text PRIMARY KEY NOT NULL,
	`event` text NOT NULL,
	`room_name` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `moderation_events` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`invitation_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`step` text NOT NULL,
	`category` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`acted_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`acted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `moderation_customer_idx` ON `moderation_events` (`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `moderation_invitation_step_uq` ON `moderation_events` (`invitation_id`,`step`);--> statement-breakpoint
CREATE TABLE `room_attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`participant_sid` text NOT NULL,
	`identity` text NOT NULL,
	`invitation_id` text,
	`user_id` text,
	`joined_at` integer,
	`left_at` integer,
	`duration_seconds` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `room_attendance_sid_uq` ON `room_attendance` (`session_id`,`participant_sid`);--> statement-breakpoint
CREATE INDEX `room_attendance_invitation_idx` ON `room_attendance` (`invitation_id`);--> statement-breakpoint
CREATE TABLE `room_note_reason_codes` (
	`note_id` text NOT NULL,
	`reason_code_id` text NOT NULL,
	PRIMARY KEY(`note_id`, `reason_code_id`),
	FOREIGN KEY (`note_id`) REFERENCES `room_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reason_code_id`) REFERENCES `reason_codes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `room_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`author_id` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`at_seconds` integer NOT NULL,
	`emotion` text DEFAULT 'neutral' NOT NULL,
	`contact` text DEFAULT 'unknown' NOT NULL,
	`department_id` text,
	`customer_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `room_notes_session_idx` ON `room_notes` (`session_id`,`at_seconds`);--> statement-breakpoint
CREATE TABLE `room_question_votes` (
	`question_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`question_id`, `user_id`),
	FOREIGN KEY (`question_id`) REFERENCES `room_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `room_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`text` text NOT NULL,
	`author_id` text NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`merged_into_id` text,
	`updated_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `room_questions_session_idx` ON `room_questions` (`session_id`);