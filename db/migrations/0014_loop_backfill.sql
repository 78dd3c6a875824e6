-- Actions made before created_by_id existed: the insight's author assigned them.
UPDATE `actions` SET `created_by_id` = (SELECT `created_by_id` FROM `insights` WHERE `insights`.`id` = `actions`.`insight_id`) WHERE `created_by_id` IS NULL;--> statement-breakpoint
-- Codes switched off before states existed are retired.
UPDATE `reason_codes` SET `state` = 'retired' WHERE `active` = 0;--> statement-breakpoint
-- Evidence made before sources existed: survey comments; their customer through the survey's invitation.
UPDATE `insight_evidence` SET `customer_id` = (SELECT `invitations`.`customer_id` FROM `survey_responses` JOIN `surveys` ON `surveys`.`id` = `survey_responses`.`survey_id` JOIN `invitations` ON `invitations`.`id` = `surveys`.`invitation_id` WHERE `survey_responses`.`id` = `insight_evidence`.`response_id`) WHERE `customer_id` IS NULL AND `response_id` IS NOT NULL;
