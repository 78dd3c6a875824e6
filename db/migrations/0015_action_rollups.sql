CREATE TABLE `action_close_days` (
	`department_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`days` integer NOT NULL,
	`actions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`department_id`, `owner_id`, `days`)
);
--> statement-breakpoint
CREATE TABLE `action_rollups` (
	`department_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`open` integer DEFAULT 0 NOT NULL,
	`closed` integer DEFAULT 0 NOT NULL,
	`on_time` integer DEFAULT 0 NOT NULL,
	`reopened` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`department_id`, `owner_id`)
);
--> statement-breakpoint
ALTER TABLE `response_rollups` ADD `csat_count` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `response_rollups` ADD `nps_count` integer DEFAULT 0 NOT NULL;
