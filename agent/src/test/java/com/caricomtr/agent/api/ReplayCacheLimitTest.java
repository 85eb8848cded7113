package com.caricomtr.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.caricomtr.agent.Main;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

/** A site whose replay-cache share is full is told to slow down, not let through and not told it is unknown. */
@ServerTest
class ReplayCacheLimitTest {
    private final SignedHttp http;

    ReplayCacheLimitTest(URI uri) {
        this.http = new SignedHttp(uri);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Main.routing(routing, TestSites.SECRETS,
                SignatureSettings.defaults().withReplayCacheSizePerSite(2), new HookRegistry());
        routing.get("/v1/ping", (req, res) -> res.send("pong"));
    }

    @Test
    void theRequestPastTheShareIsRefusedWith429AndRetryAfter() {
        RequestSigner shop1 = new RequestSigner("shop-1", TestSites.SHOP_1_SECRET);
        RequestSigner shop2 = new RequestSigner("shop-2", TestSites.SHOP_2_SECRET);

        assertThat(http.signed(shop1, "GET", "/v1/ping", null).status()).isEqualTo(200);
        assertThat(http.signed(shop1, "GET", "/v1/ping", null).status()).isEqualTo(200);
        SignedHttp.Reply third = http.signed(shop1, "GET", "/v1/ping", null);

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.errorCode()).isEqualTo("replay_cache_full");
        assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(290L, 301L));
        assertThat(http.signed(shop2, "GET", "/v1/ping", null).status()).isEqualTo(200);
    }
}
