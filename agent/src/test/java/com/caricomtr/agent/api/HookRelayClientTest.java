package com.caricomtr.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.caricomtr.agent.testing.CapturedLogs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent calling a bridge. The server here plays the bridge: it verifies every call with
 * {@link SignatureVerifier}, as the PHP side will, and misbehaves on the paths named after a misbehaviour.
 */
@ServerTest
class HookRelayClientTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SignatureVerifier BRIDGE = new SignatureVerifier(TestSites.SECRETS,
            SignatureSettings.defaults());
    private static final Queue<Call> CALLS = new ConcurrentLinkedQueue<>();
    private static final RelaySettings FAST = RelaySettings.defaults()
            .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400), Duration.ofSeconds(1));

    private final URI bridge;
    private final HookRegistry registry = new HookRegistry();
    private final HookRelayClient relay = new HookRelayClient(registry, TestSites.SECRETS, FAST);
    private CapturedLogs logs;

    /** What the bridge received, after verifying it. */
    record Call(String target, String site, String hook, JsonNode args) {
    }

    HookRelayClientTest(URI uri) {
        this.bridge = uri;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        routing.post("/relay/{behaviour}", HookRelayClientTest::relay)
                .post("/", HookRelayClientTest::relay);
    }

    @BeforeEach
    void start() {
        CALLS.clear();
        logs = new CapturedLogs("com.caricomtr.agent.api");
    }

    @AfterEach
    void stop() {
        logs.close();
        relay.close();
    }

    @Test
    void aFilterIsRelayedSignedAndItsAnswerUsed() {
        hook("/relay/ok", Hook.INVOICE_DATA);
        ObjectNode invoice = MAPPER.createObjectNode().put("seri", "WOO");

        JsonNode filtered = relay.filter("shop-1", Hook.INVOICE_DATA, invoice, orderContext());

        assertThat(filtered.toString()).isEqualTo("{\"seri\":\"WOO\",\"filtered_for\":\"shop-1\"}");
        assertThat(CALLS).singleElement().satisfies(call -> {
            assertThat(call.target()).isEqualTo("/relay/ok");
            assertThat(call.site()).isEqualTo("shop-1");
            assertThat(call.hook()).isEqualTo("caricomtr_invoice_data");
            assertThat(call.args().toString()).isEqualTo("{\"value\":{\"seri\":\"WOO\"},\"order_id\":123}");
        });
        assertThat(logs.lines()).noneMatch(line -> line.contains("failed"));
    }

    @Test
    void eachSiteSignsWithItsOwnSecret() {
        registry.register("shop-2", new HookRegistration(bridge.resolve("/relay/ok"),
                Set.of(Hook.INVOICE_SERIE), Set.of()));

        JsonNode serie = relay.filter("shop-2", Hook.INVOICE_SERIE, TextNode.valueOf("WOO"), orderContext());

        assertThat(serie.asText()).isEqualTo("WOO-shop-2");
        assertThat(CALLS).singleElement().extracting(Call::site).isEqualTo("shop-2");
    }

    @Test
    void aQueryInTheCallbackUrlIsSignedToo() {
        hook("/?rest_route=/caricomtr/v1/relay&x=%C3%A7", Hook.LOGS_RETENTION_DAYS);

        JsonNode days = relay.filter("shop-1", Hook.LOGS_RETENTION_DAYS, IntNode.valueOf(30), null);

        assertThat(days.asInt()).isEqualTo(60);
        assertThat(CALLS).singleElement().extracting(Call::target)
                .isEqualTo("/?rest_route=/caricomtr/v1/relay&x=%C3%A7");
    }

    @Test
    void aFilterWithoutCallbackIsNotRelayed() {
        hook("/relay/ok", Hook.CUSTOMER_DATA);
        ObjectNode invoice = MAPPER.createObjectNode().put("seri", "WOO");

        assertThat(relay.filter("shop-1", Hook.INVOICE_DATA, invoice, orderContext())).isSameAs(invoice);
        assertThat(relay.filter("shop-2", Hook.CUSTOMER_DATA, invoice, orderContext())).isSameAs(invoice);
        assertThat(CALLS).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"slow", "error", "garbage", "wrong-type", "no-value", "huge", "redirect", "refuse"})
    void aFailingFilterYieldsTheUnfilteredValueAndOneWarning(String behaviour) {
        hook("/relay/" + behaviour, Hook.INVOICE_DATA);
        ObjectNode invoice = MAPPER.createObjectNode().put("seri", "WOO");

        long started = System.nanoTime();
        JsonNode result = relay.filter("shop-1", Hook.INVOICE_DATA, invoice, orderContext());

        assertThat(result).isSameAs(invoice);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(logs.lines()).filteredOn(line -> line.contains("failed")).singleElement()
                .satisfies(line -> assertThat(line).contains("caricomtr_invoice_data", "shop-1", "unfiltered")
                        .doesNotContain(TestSites.SHOP_1_SECRET));
    }

    @Test
    void anActionIsSentAndNotWaitedFor() {
        hook("/relay/ok", Hook.AFTER_SYNC);
        ObjectNode args = orderContext().put("invoice_id", "F000001");

        assertThat(relay.notify("shop-1", Hook.AFTER_SYNC, args).join()).isTrue();
        assertThat(CALLS).singleElement().satisfies(call -> {
            assertThat(call.hook()).isEqualTo("caricomtr_after_sync");
            assertThat(call.args().toString()).isEqualTo("{\"order_id\":123,\"invoice_id\":\"F000001\"}");
        });
    }

    @Test
    void aFailedActionIsLoggedAndOtherwiseIgnored() {
        hook("/relay/error", Hook.SYNC_ERROR);

        assertThat(relay.notify("shop-1", Hook.SYNC_ERROR, orderContext()).join()).isFalse();
        assertThat(logs.lines()).anyMatch(line -> line.contains("caricomtr_sync_error") && line.contains("HTTP 500"));
    }

    @Test
    void anActionWithoutCallbackIsNotSent() {
        assertThat(relay.notify("shop-1", Hook.BEFORE_SYNC, orderContext()).join()).isFalse();
        assertThat(CALLS).isEmpty();
    }

    @Test
    void aFilterIsNotAnActionAndTheOtherWayRound() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> relay.filter("shop-1", Hook.AFTER_SYNC, TextNode.valueOf("x"), null));
        assertThatIllegalArgumentException().isThrownBy(() -> relay.notify("shop-1", Hook.INVOICE_DATA, null));
    }

    private void hook(String target, Hook... hooks) {
        List<Hook> all = List.of(hooks);
        registry.register("shop-1", new HookRegistration(bridge.resolve(target),
                Set.copyOf(all.stream().filter(hook -> hook.kind() == Hook.Kind.FILTER).toList()),
                Set.copyOf(all.stream().filter(hook -> hook.kind() == Hook.Kind.ACTION).toList())));
    }

    private static ObjectNode orderContext() {
        return MAPPER.createObjectNode().put("order_id", 123);
    }

    /** The bridge: verify as PHP will (request URI and raw body), then behave as the path says. */
    private static void relay(ServerRequest request, ServerResponse response) throws Exception {
        byte[] body = request.content().as(byte[].class);
        String target = SignatureFilter.requestTarget(request.prologue());
        String behaviour = request.path().pathParameters().first("behaviour").orElse("ok");
        SignedRequest signed;
        try {
            if (behaviour.equals("refuse")) {
                throw new SignatureRejected(RejectionReason.BAD_SIGNATURE, "This bridge refuses everything.");
            }
            signed = BRIDGE.verify("POST", target, SignatureFilter.signatureHeaders(request), body);
        } catch (SignatureRejected rejected) {
            ApiErrors.send(response, 401, rejected.reason().code(), rejected.getMessage());
            return;
        }
        JsonNode call = MAPPER.readTree(body);
        CALLS.add(new Call(target, signed.siteId(), call.path("hook").asText(), call.path("args")));
        JsonNode value = call.path("args").path("value");
        switch (behaviour) {
            case "slow" -> {
                Thread.sleep(1500);
                answer(response, filtered(value, signed.siteId()));
            }
            case "error" -> {
                response.status(500);
                response.send("{\"value\":{}}");
            }
            case "garbage" -> response.send("<html>Fatal error: Allowed memory size exhausted</html>");
            case "wrong-type" -> answer(response, TextNode.valueOf("not an invoice"));
            case "no-value" -> response.send("{\"val\":{}}");
            case "huge" -> response.send("{\"value\":{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}");
            case "redirect" -> {
                response.status(302);
                response.header("Location", "/relay/ok");
                response.send();
            }
            default -> {
                if (value.isMissingNode()) {
                    response.status(204);
                    response.send();
                } else {
                    answer(response, filtered(value, signed.siteId()));
                }
            }
        }
    }

    private static JsonNode filtered(JsonNode value, String site) {
        if (value.isObject()) {
            return ((ObjectNode) value.deepCopy()).put("filtered_for", site);
        }
        if (value.isInt()) {
            return IntNode.valueOf(value.asInt() * 2);
        }
        return TextNode.valueOf(value.asText() + "-" + site);
    }

    private static void answer(ServerResponse response, JsonNode value) {
        response.header("Content-Type", "application/json");
        response.send(MAPPER.createObjectNode().set("value", value).toString());
    }
}
