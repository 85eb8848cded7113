package com.caricomtr.agent.sync.state;

import javax.sql.DataSource;

/**
 * Every store of one site's agent state, bound to that site. Build it after {@link AgentStateSchema#migrate}.
 * The stores are thread-safe and hold no connections: share one {@code AgentState} per site.
 */
public record AgentState(String siteId,
                         StateLocation location,
                         OrderSyncStore orders,
                         ApiLogStore apiLog,
                         ErrorStore errors,
                         SettingsStore settings,
                         CustomerCache customers,
                         WatermarkStore watermarks,
                         BackfillStore backfills,
                         CounterStore counters,
                         RetentionCleaner retention,
                         HookStore hooks) {

    public static AgentState open(DataSource dataSource, StateLocation location, String siteId) {
        SiteIds.check(siteId);
        return new AgentState(siteId, location,
                new OrderSyncStore(dataSource, location, siteId),
                new ApiLogStore(dataSource, location, siteId),
                new ErrorStore(dataSource, location, siteId),
                new SettingsStore(dataSource, location, siteId),
                new CustomerCache(dataSource, location, siteId),
                new WatermarkStore(dataSource, location, siteId),
                new BackfillStore(dataSource, location, siteId),
                new CounterStore(dataSource, location, siteId),
                new RetentionCleaner(dataSource, location, siteId),
                new HookStore(dataSource, location, siteId));
    }
}
