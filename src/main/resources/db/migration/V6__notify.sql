-- Notifications: a mobile number per user for SMS on urging (催办) and escalation (督办), and an index for the
-- notification centre, which pages a user's notifications newest first.
ALTER TABLE app_user ADD mobile VARCHAR(30);

CREATE INDEX ix_notification_recipient_time ON notification (recipient, created_at);
