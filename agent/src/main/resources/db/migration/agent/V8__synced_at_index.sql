-- Synced orders per day are counted from synced_at (a success no longer bumps a counter row): this index keeps
-- that count to the last days' rows instead of every synced order of the site.
ALTER TABLE ${prefix}caricomtr_order_sync
    ADD KEY idx_order_sync_synced (site_id, document, synced_at);
