-- Story circle telling order (db/schema/story-turns.ts). Written by hand: the generator asked about
-- rate_limit_buckets (main's snapshots lag its schema), so the integrator may regenerate this one.
CREATE TABLE `story_turns` (
	`session_id` text NOT NULL,
	`invitation_id` text NOT NULL,
	`position` integer NOT NULL,
	`state` text DEFAULT 'next' NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `story_turns_invitation_uq` ON `story_turns` (`session_id`,`invitation_id`);
--> statement-breakpoint
CREATE INDEX `story_turns_session_idx` ON `story_turns` (`session_id`,`position`);
