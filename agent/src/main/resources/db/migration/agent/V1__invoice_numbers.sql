-- The agent's own invoice numbering, beside the shop's WordPress tables and named after the same prefix.
-- Series are compared byte for byte (ascii_bin): 'WOO' and 'woo' are different series.

-- Next sequence per series and year; allocations lock the row (SELECT ... FOR UPDATE) and advance it in the
-- same transaction that records the assignment, so sequences have neither gaps nor duplicates.
CREATE TABLE ${prefix}caricomtr_invoice_counters (
    series       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    invoice_year SMALLINT        NOT NULL,
    next_value   BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (series, invoice_year)
) ENGINE=InnoDB;

-- The number each order got, once: retries reuse it, so Cari never sees two numbers for one order.
CREATE TABLE ${prefix}caricomtr_invoice_numbers (
    order_id     BIGINT UNSIGNED NOT NULL,
    series       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    invoice_year SMALLINT        NOT NULL,
    sequence_no  BIGINT UNSIGNED NOT NULL,
    assigned_at  DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (order_id),
    UNIQUE KEY uq_caricomtr_invoice_number (series, invoice_year, sequence_no)
) ENGINE=InnoDB;
