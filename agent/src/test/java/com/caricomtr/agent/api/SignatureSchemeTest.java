package com.caricomtr.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The worked example of docs/agent-api.md, checked independently with openssl; the PHP bridge tests the same. */
class SignatureSchemeTest {
    static final String DOC_SECRET = "docs-example-secret-0123456789abcdefghij";
    static final String DOC_TARGET = "/v1/orders/123/sync?force=1&note=%C3%A7ay";
    static final String DOC_NONCE = "bm9uY2UtZXhhbXBsZS0wMDE";
    static final byte[] DOC_BODY = "{\"order_id\":123}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theCanonicalStringIsFiveLinesWithoutATrailingNewline() {
        assertThat(SignatureScheme.canonicalString("POST", DOC_TARGET, "1767225600", DOC_NONCE, DOC_BODY))
                .isEqualTo("POST\n/v1/orders/123/sync?force=1&note=%C3%A7ay\n1767225600\nbm9uY2UtZXhhbXBsZS0wMDE\n"
                        + "a6cbc0f2860cbe755b357b357d6c359692c35299444ceeb4c9c2b606d2796e15");
    }

    @Test
    void theDocumentedExampleSignsToTheDocumentedValue() {
        RequestSigner signer = new RequestSigner("shop-1", DOC_SECRET,
                Clock.fixed(Instant.ofEpochSecond(1767225600), ZoneOffset.UTC));

        SignatureHeaders headers = signer.sign("POST", DOC_TARGET, DOC_BODY, DOC_NONCE);

        assertThat(headers.asMap()).containsExactly(
                Map.entry("X-Caricomtr-Site", "shop-1"),
                Map.entry("X-Caricomtr-Timestamp", "1767225600"),
                Map.entry("X-Caricomtr-Nonce", DOC_NONCE),
                Map.entry("X-Caricomtr-Signature",
                        "v1=eed35e59b2ce6a6b52417165b3de676da4fbfce674feb34180ae0dc0bf912ba3"));
    }

    @Test
    void anEmptyBodyHashesLikeTheEmptyString() {
        String emptyStringSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        assertThat(SignatureScheme.bodyHash(new byte[0])).isEqualTo(emptyStringSha256);
        assertThat(SignatureScheme.bodyHash(null)).isEqualTo(emptyStringSha256);
    }

    @Test
    void aGetWithoutBodySignsToTheDocumentedValue() {
        String canonical = SignatureScheme.canonicalString("GET", "/v1/sites/shop-1/hooks", "1767225600",
                "bm9uY2UtZXhhbXBsZS0wMDI", new byte[0]);

        assertThat(SignatureScheme.signature(DOC_SECRET, canonical))
                .isEqualTo("v1=3c21985dd2b31f6222026ac68873096248957a72f2bf7af9798dbb01e196fdd7");
    }

    @Test
    void theSignedTargetOfAUriKeepsItsEncodingAndQuery() {
        assertThat(SignatureScheme.pathWithQuery(URI.create("https://shop.example/wp-json/caricomtr/v1/relay")))
                .isEqualTo("/wp-json/caricomtr/v1/relay");
        assertThat(SignatureScheme.pathWithQuery(URI.create("https://shop.example/?rest_route=/caricomtr/v1/relay")))
                .isEqualTo("/?rest_route=/caricomtr/v1/relay");
        assertThat(SignatureScheme.pathWithQuery(URI.create("http://127.0.0.1:8080/a%20b?c=%C3%A7")))
                .isEqualTo("/a%20b?c=%C3%A7");
        assertThat(SignatureScheme.pathWithQuery(URI.create("https://shop.example"))).isEqualTo("/");
    }

    @Test
    void freshNoncesAreUrlSafeAndNeverRepeat() {
        String first = RequestSigner.newNonce();

        assertThat(first).matches(SignatureScheme.NONCE);
        assertThat(RequestSigner.newNonce()).isNotEqualTo(first);
    }

    @Test
    void noSecretInToString() {
        assertThat(new RequestSigner("shop-1", DOC_SECRET).toString()).doesNotContain(DOC_SECRET);
        assertThat(new RequestSigner("shop-1", DOC_SECRET).sign("GET", "/", null).toString())
                .doesNotContain("v1=");
    }
}
