package com.caricomtr.agent.sync.state;

/**
 * Every table the agent owns. Each is named {@code <prefix>caricomtr_<suffix>}; the list is what the GRANT
 * statements and the "only our tables changed" checks are built from, so a new migration's table belongs here too.
 */
public enum StateTable {
    SCHEMA_HISTORY("schema_history"),
    INVOICE_COUNTERS("invoice_counters"),
    INVOICE_NUMBERS("invoice_numbers"),
    ORDER_SYNC("order_sync"),
    API_LOG("api_log"),
    ERRORS("errors"),
    SETTINGS("settings"),
    COUNTERS("counters"),
    CUSTOMERS("customers"),
    WATERMARKS("watermarks"),
    BACKFILLS("backfills"),
    HOOKS("hooks");

    /** What every one of our table names contains right after the prefix. */
    public static final String MARKER = "caricomtr_";

    private final String suffix;

    StateTable(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }
}
