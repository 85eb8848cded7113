-- Polling looks a few seconds back from its watermark, to see transactions that committed late with an older
-- modification time. On a site's first start that look-back reached into the shop's history: every order modified
-- in the seconds before the newest one was queued, though history is invoiced only on purpose (a backfill, a manual
-- sync). watching_since is when the agent began to watch the source: polls never look back before it.
ALTER TABLE ${prefix}caricomtr_watermarks
    ADD COLUMN watching_since DATETIME NULL AFTER last_id;
