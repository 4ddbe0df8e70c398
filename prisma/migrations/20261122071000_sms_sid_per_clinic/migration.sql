-- A MessageSid is unique per clinic, not across Frontdesk: a clinic with its own Twilio
-- account can sign a webhook carrying any MessageSid, and must not be able to take another
-- clinic's (which would make that clinic's real message, a STOP say, look like a duplicate).
DROP INDEX "sms_messages_twilioSid_key";

CREATE UNIQUE INDEX "sms_messages_orgId_twilioSid_key" ON "sms_messages"("orgId", "twilioSid");
