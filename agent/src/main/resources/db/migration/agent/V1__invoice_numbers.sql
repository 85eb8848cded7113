-- The agent's own invoice numbering, beside the shop's WordPress tables (or in the agent's own schema) and named
-- after the same prefix. One agent may serve several sites whose state shares these tables: site_id keeps them apart.
-- Series are compared byte for byte (ascii_bin): 'WOO' and 'woo' are different series.
-- Times are UTC, written by the agent with UTC_TIMESTAMP(3), never with the session's time zone.

-- Next sequence per site, series and year; allocations lock the row (SELECT ... FOR UPDATE) and advance it in the
-- same transaction that records the assignment, so sequences have neither gaps nor duplicates.
CREATE TABLE ${prefix}caricomtr_invoice_counters (
    site_id      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    series       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    invoice_year SMALLINT        NOT NULL,
    next_value   BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (site_id, series, invoice_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The number each order got, once: retries reuse it, so Cari never sees two numbers for one order.
CREATE TABLE ${prefix}caricomtr_invoice_numbers (
    site_id      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    order_id     BIGINT UNSIGNED NOT NULL,
    series       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    invoice_year SMALLINT        NOT NULL,
    sequence_no  BIGINT UNSIGNED NOT NULL,
    assigned_at  DATETIME(3)     NOT NULL,
    PRIMARY KEY (site_id, order_id),
    UNIQUE KEY uq_caricomtr_invoice_number (site_id, series, invoice_year, sequence_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
