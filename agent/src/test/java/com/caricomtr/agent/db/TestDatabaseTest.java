package com.caricomtr.agent.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import com.caricomtr.agent.testing.TestDatabase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTest {
    @Test
    void fixtureLoadsIntoARealServer() throws Exception {
        DatabaseSettings db = TestDatabase.get().fixture("hpos");
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM wp_wc_orders WHERE type = 'shop_order'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(40);
        }
    }
}
