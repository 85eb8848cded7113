package com.caricomtr.agent.sync.state;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An order put back (its customer was busy) waits again without having spent an attempt or counted a retry. */
class PutBackTest {
    private static StateFixture db;

    @BeforeAll
    static void open() {
        db = StateFixture.migrated("put_back");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aPutBackOrderKeepsItsAttemptsAndCountsNoRetry() {
        OrderSyncStore orders = db.site("shop").orders();
        orders.enqueue(7, "processing", Trigger.POLL, false);
        Claim first = orders.claim("w1", 1, Duration.ofMinutes(1)).getFirst();
        assertThat(first.attempt()).isEqualTo(1);

        assertThat(orders.putBack(first, "retryable", "customer busy", Duration.ZERO)).isTrue();

        OrderSyncState state = orders.states(java.util.List.of(7L)).get(7L);
        assertThat(state.state()).isEqualTo(SyncState.PENDING);
        assertThat(state.attempts()).isZero();
        assertThat(state.lastError()).isEqualTo("customer busy");
        assertThat(orders.putBack(first, "retryable", "again", Duration.ZERO)).as("the claim is over").isFalse();
        Claim second = orders.claim("w2", 1, Duration.ofMinutes(1)).getFirst();
        assertThat(second.attempt()).as("the next claim is still the first attempt").isEqualTo(1);
        assertThat(db.count("SELECT COALESCE(SUM(value), 0) FROM " + db.table(StateTable.COUNTERS)
                + " WHERE name = 'retried'")).isZero();
    }
}
