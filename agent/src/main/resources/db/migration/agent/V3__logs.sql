-- Every exchange with Cari, bodies already masked by the caller. Grows fast: RetentionCleaner trims it in chunks.
CREATE TABLE ${prefix}caricomtr_api_log (
    id            BIGINT UNSIGNED   NOT NULL AUTO_INCREMENT,
    site_id       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    order_id      BIGINT UNSIGNED   NULL,
    attempt       INT UNSIGNED      NULL,
    method        VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    url           VARCHAR(2048)     NOT NULL,
    request_body  MEDIUMTEXT        NULL,
    status        SMALLINT UNSIGNED NULL,
    response_body MEDIUMTEXT        NULL,
    duration_ms   INT UNSIGNED      NOT NULL,
    outcome       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    error_class   VARCHAR(64)       NULL,
    created_at    DATETIME(3)       NOT NULL,
    PRIMARY KEY (id),
    KEY idx_api_log_time (site_id, created_at),
    KEY idx_api_log_order (site_id, order_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Problems someone has to look at, per order and field (e.g. a missing tax id), until dismissed.
CREATE TABLE ${prefix}caricomtr_errors (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    site_id      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    order_id     BIGINT UNSIGNED NULL,
    field        VARCHAR(128)    NULL,
    message      TEXT            NOT NULL,
    error_class  VARCHAR(64)     NULL,
    created_at   DATETIME(3)     NOT NULL,
    dismissed_at DATETIME(3)     NULL,
    PRIMARY KEY (id),
    KEY idx_errors_time (site_id, created_at),
    KEY idx_errors_open (site_id, dismissed_at, created_at),
    KEY idx_errors_order (site_id, order_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
