-- One row per order and document (only 'invoice' so far) per site: the queue, the lease and the outcome in one place.
-- Enqueueing dedupes on this primary key, never on "an event arrived", so a poll, a notify and a backfill that all
-- see the same order still give one row and one invoice.
--
-- state:          pending -> sending -> synced | pending (retry) | failed | needs_review; dismissed by an admin.
-- next_attempt_at when a pending row is due (retries push it into the future).
-- claimed_by/until the lease of the worker that moved the row to 'sending'; an expired lease makes the row
--                 claimable again (crash recovery), and only the holder may record an outcome.
-- claim_seq       counts claims and is never reset (attempts is, by an admin retry): with claimed_by it fences off
--                 a worker whose lease was taken over, even one that reuses its worker id.
-- invoice_*       the number fixed before the first send and kept across retries and forced resends.
-- queued_at       when the row last became pending from outside (enqueue, force, admin retry): the lag metric.
CREATE TABLE ${prefix}caricomtr_order_sync (
    site_id          VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    order_id         BIGINT UNSIGNED NOT NULL,
    document         VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    state            VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    order_status     VARCHAR(64)     NULL,
    reason           VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    force_send       TINYINT(1)      NOT NULL DEFAULT 0,
    attempts         INT UNSIGNED    NOT NULL DEFAULT 0,
    claim_seq        BIGINT UNSIGNED NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)     NOT NULL,
    claimed_by       VARCHAR(64)     NULL,
    claimed_until    DATETIME(3)     NULL,
    invoice_series   VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    invoice_number   VARCHAR(64)     NULL,
    invoice_sequence BIGINT UNSIGNED NULL,
    cari_customer_id VARCHAR(64)     NULL,
    cari_invoice_id  VARCHAR(64)     NULL,
    last_error_class VARCHAR(64)     NULL,
    last_error       TEXT            NULL,
    queued_at        DATETIME(3)     NOT NULL,
    created_at       DATETIME(3)     NOT NULL,
    updated_at       DATETIME(3)     NOT NULL,
    synced_at        DATETIME(3)     NULL,
    PRIMARY KEY (site_id, order_id, document),
    -- The claim query reads due pending rows and expired leases each in index order, so LIMIT stops the scan
    -- (and the row locks) early instead of locking every due row before a sort.
    KEY idx_order_sync_due (site_id, document, state, next_attempt_at),
    KEY idx_order_sync_lease (site_id, document, state, claimed_until),
    -- Dashboard: counts per state, and listings per state newest order first (InnoDB appends order_id).
    KEY idx_order_sync_state (site_id, document, state),
    CHECK (state IN ('pending', 'sending', 'synced', 'failed', 'needs_review', 'dismissed')),
    CHECK (reason IN ('poll', 'notify', 'manual', 'backfill')),
    CHECK (state <> 'sending' OR (claimed_by IS NOT NULL AND claimed_until IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
