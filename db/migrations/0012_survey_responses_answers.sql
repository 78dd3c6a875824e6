-- Responses answer templates now: CSAT and NPS become optional (a template may ask neither), and
-- every answer is kept in `answers` (ratings, choices) and `texts` (free text). SQLite cannot drop
-- NOT NULL in place, so the table is rebuilt. Written by hand, not generated: drizzle-kit's rebuild
-- would copy the new columns from the old table (they are not there). Our runner (db/migrate.ts)
-- applies migrations with foreign keys off, but a runner with them on (drizzle-kit migrate, a
-- libSQL server) would null every insight's evidence link when the old table is dropped (ON
-- DELETE SET NULL), so the links are kept aside (in a plain table: a libSQL server has no TEMP
-- tables) and put back either way.
CREATE TABLE `_evidence_links` AS SELECT `id`, `response_id` FROM `insight_evidence` WHERE `response_id` IS NOT NULL;
--> statement-breakpoint
CREATE TABLE `__new_survey_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`session_id` text NOT NULL,
	`template_version_id` text,
	`csat` integer,
	`nps` integer,
	`ces` integer,
	`answers` text DEFAULT '{}' NOT NULL,
	`texts` text DEFAULT '{}' NOT NULL,
	`comment` text,
	`language` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_version_id`) REFERENCES `survey_template_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- The classic form's questions are keyed csat, nps and comment (CLASSIC_QUESTIONS in lib/domain/surveys.ts).
INSERT INTO `__new_survey_responses` (`id`, `survey_id`, `session_id`, `csat`, `nps`, `answers`, `texts`, `comment`, `language`, `created_at`)
SELECT `id`, `survey_id`, `session_id`, `csat`, `nps`, json_object('csat', `csat`, 'nps', `nps`),
	CASE WHEN `comment` IS NULL THEN '{}' ELSE json_object('comment', `comment`) END, `comment`, `language`, `created_at`
FROM `survey_responses`;
--> statement-breakpoint
DROP TABLE `survey_responses`;
--> statement-breakpoint
ALTER TABLE `__new_survey_responses` RENAME TO `survey_responses`;
--> statement-breakpoint
UPDATE `insight_evidence` SET `response_id` = (SELECT l.`response_id` FROM `_evidence_links` l WHERE l.`id` = `insight_evidence`.`id`)
WHERE `id` IN (SELECT `id` FROM `_evidence_links`);
--> statement-breakpoint
DROP TABLE `_evidence_links`;
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_survey_uq` ON `survey_responses` (`survey_id`);
--> statement-breakpoint
CREATE INDEX `survey_responses_created_idx` ON `survey_responses` (`created_at`);
--> statement-breakpoint
CREATE INDEX `survey_responses_session_idx` ON `survey_responses` (`session_id`);
