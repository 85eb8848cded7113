-- What each site's bridge registered for the hook relay (docs/agent-api.md, "Hook relay"): where to call it back and
-- which filters and actions have callbacks there, so that a restarted agent still applies the shop's hooks.
-- One row per site, replaced as a whole by each registration. A row listing no hooks is meaningful (the bridge
-- registered, nothing is hooked); no row means the bridge never registered.
-- filters, actions: hook names separated by commas, e.g. 'caricomtr_invoice_data,caricomtr_invoice_serie'.
CREATE TABLE ${prefix}caricomtr_hooks (
    site_id       VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    callback_url  VARCHAR(2048) NULL,
    filters       VARCHAR(1024) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    actions       VARCHAR(1024) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    registered_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (site_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
