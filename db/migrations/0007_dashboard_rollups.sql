CREATE TABLE `reason_code_rollups` (
	`grain` text NOT NULL,
	`bucket` integer NOT NULL,
	`reason_code_id` text NOT NULL,
	`department_id` text NOT NULL,
	`mentions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`grain`, `bucket`, `reason_code_id`, `department_id`)
);
--> statement-breakpoint
CREATE INDEX `reason_code_rollups_code_idx` ON `reason_code_rollups` (`reason_code_id`,`grain`,`bucket`);--> statement-breakpoint
CREATE TABLE `response_rollups` (
	`grain` text NOT NULL,
	`bucket` integer NOT NULL,
	`format` text NOT NULL,
	`segment` text NOT NULL,
	`language` text NOT NULL,
	`sent` integer DEFAULT 0 NOT NULL,
	`responses` integer DEFAULT 0 NOT NULL,
	`csat_satisfied` integer DEFAULT 0 NOT NULL,
	`nps_promoters` integer DEFAULT 0 NOT NULL,
	`nps_detractors` integer DEFAULT 0 NOT NULL,
	`ces_count` integer DEFAULT 0 NOT NULL,
	`ces_sum` integer DEFAULT 0 NOT NULL,
	`ces_sum_squares` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`grain`, `bucket`, `format`, `segment`, `language`)
);
