-- Small per-site state: settings, dashboard counters, the customer cache, polling watermarks and backfills.

CREATE TABLE ${prefix}caricomtr_settings (
    site_id    VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name       VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    value      TEXT         NULL,
    updated_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (site_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per UTC day, e.g. synced / failed; bumped in the same transaction as the state change it counts.
CREATE TABLE ${prefix}caricomtr_counters (
    site_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    day     DATE            NOT NULL,
    name    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    value   BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (site_id, name, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which Cari customer a WooCommerce customer became, and a hash of what was sent, to skip unchanged updates.
CREATE TABLE ${prefix}caricomtr_customers (
    site_id          VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_key     VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    cari_customer_id VARCHAR(64)  NOT NULL,
    payload_hash     VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (site_id, customer_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How far polling got, as (modified time, id): rows modified in the same second are told apart by id.
-- modified_gmt is DATETIME like WooCommerce's own date_modified_gmt columns.
CREATE TABLE ${prefix}caricomtr_watermarks (
    site_id      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    source       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    modified_gmt DATETIME        NOT NULL,
    last_id      BIGINT UNSIGNED NOT NULL,
    updated_at   DATETIME(3)     NOT NULL,
    PRIMARY KEY (site_id, source)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Admin-started runs that enqueue old orders in id order; cursor_id is the last order id enqueued, for resuming.
CREATE TABLE ${prefix}caricomtr_backfills (
    id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    site_id    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    from_date  DATE            NULL,
    to_date    DATE            NULL,
    statuses   VARCHAR(1024)   NULL,
    state      VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    total      BIGINT UNSIGNED NULL,
    queued     BIGINT UNSIGNED NOT NULL DEFAULT 0,
    cursor_id  BIGINT UNSIGNED NULL,
    created_at DATETIME(3)     NOT NULL,
    updated_at DATETIME(3)     NOT NULL,
    PRIMARY KEY (id),
    KEY idx_backfills_site (site_id, state, created_at),
    CHECK (state IN ('running', 'done', 'cancelled'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
