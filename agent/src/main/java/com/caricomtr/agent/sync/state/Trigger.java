package com.caricomtr.agent.sync.state;

/** What made the agent enqueue an order; kept on the row for the dashboard, never used for deduping. */
public enum Trigger {
    /** The poller saw the order change. */
    POLL,
    /** The WordPress bridge plugin told the agent about it. */
    NOTIFY,
    /** An admin asked for it. */
    MANUAL,
    /** A backfill run reached it. */
    BACKFILL;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Trigger fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
