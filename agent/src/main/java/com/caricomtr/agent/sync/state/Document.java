package com.caricomtr.agent.sync.state;

/** Which Cari document an {@code order_sync} row is about; part of its key, so one order may later get several. */
public enum Document {
    INVOICE;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
