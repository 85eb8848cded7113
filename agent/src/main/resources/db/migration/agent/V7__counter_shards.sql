-- Every synced order bumped the same (site, synced, today) row inside its state transaction, so concurrent workers
-- queued on that one row lock (measured: most of a backfill's database time). Each count is now spread over
-- shards, picked from the order id, and read back as their sum.
ALTER TABLE ${prefix}caricomtr_counters
    ADD COLUMN shard SMALLINT UNSIGNED NOT NULL DEFAULT 0 AFTER day,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (site_id, name, day, shard);
