-- The differences are worked out afresh from the facts whenever they are asked for (NoticeService.status); the copy
-- written at each fact change was never read.
ALTER TABLE notice_status DROP COLUMN differences;
