package com.caricomtr.agent.sync.state;

/** A backfill run's state; only a running one takes progress. */
public enum BackfillState {
    RUNNING,
    DONE,
    CANCELLED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static BackfillState fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
