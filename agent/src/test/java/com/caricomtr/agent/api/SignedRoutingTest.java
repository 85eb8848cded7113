package com.caricomtr.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.caricomtr.agent.Main;
import com.caricomtr.agent.sync.state.HookStore;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent's routing as Main wires it: health open, hook registration signed and per site. */
@ServerTest
class SignedRoutingTest {
    private static final HookRegistry HOOKS = new HookRegistry();

    private final SignedHttp http;
    private final RequestSigner shop1 = new RequestSigner("shop-1", TestSites.SHOP_1_SECRET);
    private final RequestSigner shop2 = new RequestSigner("shop-2", TestSites.SHOP_2_SECRET);

    SignedRoutingTest(URI uri) {
        this.http = new SignedHttp(uri);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Main.routing(routing, TestSites.SECRETS, SignatureSettings.defaults(), HOOKS);
    }

    @Test
    void healthStaysOpen() {
        assertThat(http.send("GET", "/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void hookRegistrationNeedsASignature() {
        SignedHttp.Reply reply = http.send("PUT", "/v1/sites/shop-1/hooks", "{}", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unsigned");
    }

    @Test
    void aSiteRegistersItsHooksAndReadsThemBack() {
        SignedHttp.Reply put = http.signed(shop1, "PUT", "/v1/sites/shop-1/hooks", """
                {"callback_url": "https://shop.example/wp-json/caricomtr/v1/relay",
                 "filters": ["caricomtr_invoice_serie", "caricomtr_invoice_data"],
                 "actions": ["caricomtr_after_sync"]}""");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().toString()).isEqualTo("{\"site\":\"shop-1\","
                + "\"callback_url\":\"https://shop.example/wp-json/caricomtr/v1/relay\","
                + "\"filters\":[\"caricomtr_invoice_data\",\"caricomtr_invoice_serie\"],"
                + "\"actions\":[\"caricomtr_after_sync\"],\"order_statuses\":{},\"unknown_trigger_statuses\":[]}");
        assertThat(HOOKS.callbackFor("shop-1", Hook.INVOICE_DATA))
                .contains(URI.create("https://shop.example/wp-json/caricomtr/v1/relay"));
        assertThat(HOOKS.callbackFor("shop-1", Hook.CUSTOMER_DATA)).isEmpty();
        assertThat(http.signed(shop1, "GET", "/v1/sites/shop-1/hooks", null).json()).isEqualTo(put.json());
    }

    @Test
    void aNewRegistrationReplacesTheOldOneAndMayHookNothing() {
        http.signed(shop2, "PUT", "/v1/sites/shop-2/hooks",
                "{\"callback_url\":\"http://127.0.0.1/relay\",\"filters\":[\"caricomtr_invoice_data\"]}");

        SignedHttp.Reply reply = http.signed(shop2, "PUT", "/v1/sites/shop-2/hooks", "{\"filters\":[],\"actions\":[]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(HOOKS.isRegistered("shop-2")).isTrue();
        assertThat(HOOKS.callbackFor("shop-2", Hook.INVOICE_DATA)).isEmpty();
    }

    @Test
    void aSiteMayNotSpeakForAnother() {
        SignedHttp.Reply reply = http.signed(shop1, "PUT", "/v1/sites/shop-2/hooks", "{}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("wrong_site");
        assertThat(http.signed(shop1, "GET", "/v1/sites/shop-2/hooks", null).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[]",
            "{\"callback_url\":\"https://s/relay\",\"filters\":[\"caricomtr_unknown\"]}",
            "{\"callback_url\":\"https://s/relay\",\"filters\":[\"caricomtr_after_sync\"]}",
            "{\"callback_url\":\"https://s/relay\",\"actions\":[\"caricomtr_invoice_data\"]}",
            "{\"callback_url\":\"https://s/relay\",\"filters\":\"caricomtr_invoice_data\"}",
            "{\"filters\":[\"caricomtr_invoice_data\"]}",
            "{\"callback_url\":\"ftp://s/relay\",\"filters\":[\"caricomtr_invoice_data\"]}",
            "{\"callback_url\":\"/relay\",\"filters\":[\"caricomtr_invoice_data\"]}",
            "{\"callback_url\":\"https://user:pw@s/relay\",\"filters\":[\"caricomtr_invoice_data\"]}",
            "{\"callback_url\":42,\"filters\":[\"caricomtr_invoice_data\"]}"})
    void anInvalidRegistrationIsRefusedAndChangesNothing(String body) {
        HookRegistration before = HOOKS.registration("shop-1").orElse(null);

        SignedHttp.Reply reply = http.signed(shop1, "PUT", "/v1/sites/shop-1/hooks", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid_registration");
        assertThat(HOOKS.registration("shop-1").orElse(null)).isEqualTo(before);
    }

    @Test
    void aCallbackUrlLongerThanTheAgentStoresIsRefused() {
        String url = "https://s/relay?pad=" + "x".repeat(HookStore.MAX_URL_LENGTH);

        SignedHttp.Reply reply = http.signed(shop1, "PUT", "/v1/sites/shop-1/hooks",
                "{\"callback_url\":\"" + url + "\",\"filters\":[\"caricomtr_invoice_data\"]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid_registration");
    }

    @Test
    void aSiteThatHasNeverRegisteredIsNotFound() {
        RequestSigner shop3 = new RequestSigner("shop-3", TestSites.SHOP_3_SECRET);

        SignedHttp.Reply reply = http.signed(shop3, "GET", "/v1/sites/shop-3/hooks", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("not_registered");
        assertThat(HOOKS.isRegistered("shop-3")).isFalse();
    }
}
