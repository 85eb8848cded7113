package com.caricomtr.agent.api;

import java.util.Map;

/** Three configured sites with their secrets, shared by the tests that play the bridge or the agent. */
final class TestSites {
    static final String SHOP_1_SECRET = "shop-1-secret-0123456789abcdefghijklmn";
    static final String SHOP_2_SECRET = "shop-2-secret-zyxwvutsrqponmlkjihgfedc";
    static final String SHOP_3_SECRET = "shop-3-secret-AAAABBBBCCCCDDDDEEEEFFFF";
    static final InMemorySiteSecrets SECRETS = InMemorySiteSecrets.of(Map.of(
            "shop-1", SHOP_1_SECRET,
            "shop-2", SHOP_2_SECRET,
            "shop-3", SHOP_3_SECRET));

    private TestSites() {
    }
}
