-- attempts used to count claims, so every crash or expired lease spent one of sync.max-attempts: an order claimed
-- nine times but answered once by Cari could fail for good. Now:
--   attempts     counts only what Cari answered (or a send that timed out after it was written);
--   claims       counts claims since the row was last (re)queued: the retry backoff grows with it;
--   lost_claims  counts claims that ended without an outcome (a crash, a lease that ran out), taken over later.
ALTER TABLE ${prefix}caricomtr_order_sync
    ADD COLUMN claims INT UNSIGNED NOT NULL DEFAULT 0 AFTER attempts,
    ADD COLUMN lost_claims INT UNSIGNED NOT NULL DEFAULT 0 AFTER claims;

-- Rows written before this version: their attempts were claims.
UPDATE ${prefix}caricomtr_order_sync SET claims = attempts;
