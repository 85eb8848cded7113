package com.caricomtr.agent.api;

import static com.caricomtr.agent.api.TestSites.SECRETS;
import static com.caricomtr.agent.api.TestSites.SHOP_1_SECRET;
import static com.caricomtr.agent.api.TestSites.SHOP_2_SECRET;
import static com.caricomtr.agent.api.TestSites.SHOP_3_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.Main;
import com.caricomtr.agent.testing.CapturedLogs;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.helidon.common.Size;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The signature filter over real HTTP, in front of a few echo handlers. */
@ServerTest
class SignatureFilterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ONE_MIB = 1024 * 1024;

    private final SignedHttp http;
    private final RequestSigner shop1 = new RequestSigner("shop-1", SHOP_1_SECRET);

    SignatureFilterTest(URI uri) {
        this.http = new SignedHttp(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        // What application.yaml configures for the agent: buffering as much as the signature limit allows.
        server.addProtocol(Http1Config.builder().maxBufferedEntitySize(Size.create(1, Size.Unit.MIB)).build());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Main.routing(routing, SECRETS);
        routing.post("/v1/echo", (req, res) -> res.send(MAPPER.createObjectNode()
                        .put("site", SignedRequest.siteId(req))
                        .put("body", req.content().as(String.class)).toString()))
                .get("/v1/whoami", (req, res) -> res.send(MAPPER.createObjectNode()
                        .put("site", SignedRequest.siteId(req)).toString()))
                .get("/v1/items/{id}", (req, res) -> res.send(MAPPER.createObjectNode()
                        .put("site", SignedRequest.siteId(req))
                        .put("id", req.path().pathParameters().get("id"))
                        .put("q", req.query().first("q").orElse(null)).toString()));
    }

    @Test
    void aSignedRequestReachesItsHandlerWhichSeesTheSiteAndTheBody() {
        SignedHttp.Reply reply = http.signed(shop1, "POST", "/v1/echo", "{\"order_id\":123,\"note\":\"çay\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("site").asText()).isEqualTo("shop-1");
        assertThat(reply.json().path("body").asText()).isEqualTo("{\"order_id\":123,\"note\":\"çay\"}");
    }

    @Test
    void eachSiteIsToldApart() {
        RequestSigner shop2 = new RequestSigner("shop-2", SHOP_2_SECRET);

        assertThat(http.signed(shop2, "GET", "/v1/whoami", null).json().path("site").asText()).isEqualTo("shop-2");
        assertThat(http.signed(shop1, "GET", "/v1/whoami", null).json().path("site").asText()).isEqualTo("shop-1");
    }

    @Test
    void thePathAndQueryAreSignedAsSentWithTheirPercentEncoding() {
        SignedHttp.Reply reply = http.signed(shop1, "GET", "/v1/items/%C3%A7ay?q=%C3%A7ay%20ba%C4%9F&x=a%2Fb", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("id").asText()).isEqualTo("çay");
        assertThat(reply.json().path("q").asText()).isEqualTo("çay bağ");
    }

    @Test
    void aBodyLargerThanHelidonsDefaultBufferButWithinTheLimitPasses() {
        String body = "x".repeat(ONE_MIB - 100);

        SignedHttp.Reply reply = http.signed(shop1, "POST", "/v1/echo", body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("body").asText()).hasSize(body.length());
    }

    @Test
    void theHealthCheckNeedsNoSignature() {
        SignedHttp.Reply reply = http.send("GET", "/health", null, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("UP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/", "/health/x", "/v1/nowhere", "/"})
    void everyOtherPathNeedsOneEvenWhenNothingIsThere(String path) {
        SignedHttp.Reply reply = http.send("GET", path, null, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unsigned");
    }

    @Test
    void theHealthCheckIsOpenToGetOnly() {
        assertThat(http.send("POST", "/health", "{}", null).errorCode()).isEqualTo("unsigned");
    }

    @Test
    void anUnsignedRequestIsRefused() {
        SignedHttp.Reply reply = http.send("POST", "/v1/echo", "{}", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unsigned");
        assertThat(reply.json().path("error").path("message").asText()).contains("X-Caricomtr-Signature");
        assertThat(reply.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void aRequestMissingAnyOneSignatureHeaderIsRefused(int missing) {
        SignatureHeaders full = shop1.sign("POST", "/v1/echo", SignedHttp.bytes("{}"));
        String[] parts = {full.site(), full.timestamp(), full.nonce(), full.signature()};
        parts[missing] = null;

        SignedHttp.Reply reply = http.send("POST", "/v1/echo", "{}",
                new SignatureHeaders(parts[0], parts[1], parts[2], parts[3]));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unsigned");
    }

    @ParameterizedTest
    @ValueSource(strings = {"timestamp", "short nonce", "nonce with a dot", "uppercase signature", "v2 signature"})
    void malformedSignatureHeadersAreRefusedAsUnsigned(String malformation) {
        SignatureHeaders good = shop1.sign("POST", "/v1/echo", SignedHttp.bytes("{}"));
        SignatureHeaders bad = switch (malformation) {
            case "timestamp" -> new SignatureHeaders(good.site(), "2026-01-01T00:00:00Z", good.nonce(), good.signature());
            case "short nonce" -> new SignatureHeaders(good.site(), good.timestamp(), "abc", good.signature());
            case "nonce with a dot" -> new SignatureHeaders(good.site(), good.timestamp(), "nonce.with.a.dot.1234",
                    good.signature());
            case "uppercase signature" -> new SignatureHeaders(good.site(), good.timestamp(), good.nonce(),
                    "v1=" + good.signature().substring(3).toUpperCase());
            default -> new SignatureHeaders(good.site(), good.timestamp(), good.nonce(),
                    "v2=" + good.signature().substring(3));
        };

        SignedHttp.Reply reply = http.send("POST", "/v1/echo", "{}", bad);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unsigned");
    }

    @Test
    void anUnknownSiteIsRefused() {
        RequestSigner stranger = new RequestSigner("shop-9", "shop-9-secret-0123456789abcdefghijklmn");

        SignedHttp.Reply reply = http.signed(stranger, "POST", "/v1/echo", "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unknown_site");
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        RequestSigner impostor = new RequestSigner("shop-1", SHOP_2_SECRET);

        SignedHttp.Reply reply = http.signed(impostor, "POST", "/v1/echo", "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("bad_signature");
    }

    @Test
    void aTamperedBodyIsRefused() {
        SignatureHeaders headers = shop1.sign("POST", "/v1/echo", SignedHttp.bytes("{\"amount\":\"10.00\"}"));

        SignedHttp.Reply reply = http.send("POST", "/v1/echo", "{\"amount\":\"99.00\"}", headers);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("bad_signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1/items/2",
            "/v1/items/1?q=2",
            "/v1/items/1?q=1&extra=1",
            "/v1/items/1?q=%31",
            "/v1/items/%31?q=1",
            "/v1/items/1"})
    void aTamperedPathOrQueryIsRefused(String sent) {
        SignatureHeaders headers = shop1.sign("GET", "/v1/items/1?q=1", new byte[0]);

        SignedHttp.Reply reply = http.send("GET", sent, null, headers);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("bad_signature");
    }

    @Test
    void aTamperedMethodIsRefused() {
        SignatureHeaders headers = shop1.sign("POST", "/v1/echo", SignedHttp.bytes("{}"));

        SignedHttp.Reply reply = http.send("PUT", "/v1/echo", "{}", headers);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("bad_signature");
    }

    @Test
    void aTimestampSixMinutesOldIsRefused() {
        RequestSigner late = new RequestSigner("shop-1", SHOP_1_SECRET,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6)));

        SignedHttp.Reply reply = http.signed(late, "POST", "/v1/echo", "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("expired");
        assertThat(reply.json().path("error").path("message").asText()).contains("behind");
    }

    @Test
    void aTimestampSixMinutesAheadIsRefused() {
        RequestSigner early = new RequestSigner("shop-1", SHOP_1_SECRET,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)));

        SignedHttp.Reply reply = http.signed(early, "POST", "/v1/echo", "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("expired");
        assertThat(reply.json().path("error").path("message").asText()).contains("ahead");
    }

    @Test
    void aTimestampFourMinutesOffEitherWayPasses() {
        for (int minutes : new int[] {-4, 4}) {
            RequestSigner skewed = new RequestSigner("shop-1", SHOP_1_SECRET,
                    Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutes)));

            assertThat(http.signed(skewed, "POST", "/v1/echo", "{}").status()).isEqualTo(200);
        }
    }

    @Test
    void aReplayedRequestIsRefused() {
        SignatureHeaders headers = shop1.sign("POST", "/v1/echo", SignedHttp.bytes("{}"));

        SignedHttp.Reply first = http.send("POST", "/v1/echo", "{}", headers);
        SignedHttp.Reply again = http.send("POST", "/v1/echo", "{}", headers);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.errorCode()).isEqualTo("replayed");
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsNonce() {
        SignatureHeaders headers = shop1.sign("POST", "/v1/echo", SignedHttp.bytes("{}"));

        // Someone who saw the headers but not the body cannot burn the nonce of the real request.
        assertThat(http.send("POST", "/v1/echo", "{\"forged\":true}", headers).errorCode()).isEqualTo("bad_signature");
        assertThat(http.send("POST", "/v1/echo", "{}", headers).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        byte[] body = new byte[ONE_MIB + 1];
        Arrays.fill(body, (byte) 'x');

        SignedHttp.Reply reply = http.send("POST", "/v1/echo", body, shop1.sign("POST", "/v1/echo", body), false);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("too_large");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefused() {
        byte[] body = new byte[ONE_MIB + 1];
        Arrays.fill(body, (byte) 'x');

        SignedHttp.Reply reply = http.sendChunked("POST", "/v1/echo", body, shop1.sign("POST", "/v1/echo", body));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("too_large");
    }

    @Test
    void aRepeatedSignatureHeaderIsRefused() {
        byte[] body = SignedHttp.bytes("{}");

        SignedHttp.Reply reply = http.send("POST", "/v1/echo", body, shop1.sign("POST", "/v1/echo", body), false,
                Map.of(SignatureScheme.SITE_HEADER, "shop-2"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unsigned");
    }

    @Test
    void noSecretAndNoExpectedSignatureAppearInAnyAnswerOrLogLine() {
        List<String> seen = new ArrayList<>();
        List<String> expectedSignatures = new ArrayList<>();
        try (CapturedLogs logs = new CapturedLogs("com.caricomtr.agent.api")) {
            // A good request, and each way of failing; one of them carries a secret where the site id belongs.
            seen.add(http.signed(shop1, "POST", "/v1/echo", "{}").body());
            seen.add(http.send("POST", "/v1/echo", "{}", null).body());
            SignatureHeaders wrongKey = new RequestSigner("shop-1", SHOP_2_SECRET)
                    .sign("POST", "/v1/echo?token=" + SHOP_1_SECRET, SignedHttp.bytes("{}"));
            expectedSignatures.add(SignatureScheme.signature(SHOP_1_SECRET, SignatureScheme.canonicalString("POST",
                    "/v1/echo?token=" + SHOP_1_SECRET, wrongKey.timestamp(), wrongKey.nonce(),
                    SignedHttp.bytes("{}"))));
            SignedHttp.Reply refused = http.send("POST", "/v1/echo?token=" + SHOP_1_SECRET, "{}", wrongKey);
            seen.add(refused.body());
            seen.add(refused.headers().map().toString());
            seen.add(http.signed(new RequestSigner(SHOP_1_SECRET, SHOP_1_SECRET), "POST", "/v1/echo", "{}").body());
            seen.add(http.signed(new RequestSigner("shop-1", SHOP_1_SECRET,
                    Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))), "POST", "/v1/echo", "{}").body());

            assertThat(logs.lines()).anyMatch(line -> line.contains("bad_signature") && line.contains("shop-1"));
            assertThat(logs.lines()).anyMatch(line -> line.contains("unknown_site") && line.contains("sh****"));
            seen.addAll(logs.lines());
        }

        assertThat(seen).isNotEmpty().allSatisfy(text -> {
            assertThat(text).doesNotContain(SHOP_1_SECRET, SHOP_2_SECRET, SHOP_3_SECRET);
            expectedSignatures.forEach(signature -> assertThat(text).doesNotContain(signature.substring(3)));
        });
    }

    @Test
    void everyRefusalIsLoggedOnceWithTheSiteAndTheReason() {
        try (CapturedLogs logs = new CapturedLogs("com.caricomtr.agent.api")) {
            http.signed(new RequestSigner("shop-1", SHOP_2_SECRET), "POST", "/v1/echo", "{}");

            assertThat(logs.lines()).filteredOn(line -> line.contains("Refused"))
                    .singleElement().satisfies(line -> assertThat(line)
                            .contains("POST /v1/echo", "site shop-1", "bad_signature"));
        }
    }
}
