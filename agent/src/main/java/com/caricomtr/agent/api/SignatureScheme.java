package com.caricomtr.agent.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Version 1 of the request signature shared by the agent and the bridge plugin, in both directions; docs/agent-api.md
 * ("Authentication") is its specification. Everything that must match byte for byte between Java and PHP lives
 * here, so that the signer and the verifier cannot drift apart.
 */
public final class SignatureScheme {
    public static final String SITE_HEADER = "X-Caricomtr-Site";
    public static final String TIMESTAMP_HEADER = "X-Caricomtr-Timestamp";
    public static final String NONCE_HEADER = "X-Caricomtr-Nonce";
    public static final String SIGNATURE_HEADER = "X-Caricomtr-Signature";
    public static final String VERSION_PREFIX = "v1=";

    /** URL-safe so that PHP and Java never disagree about encoding it; long enough to be unguessable. */
    static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    /** Unix seconds; twelve digits reach the year 33658, and a bound keeps parseLong from overflowing. */
    static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    static final int MAC_BYTES = 32;

    private static final HexFormat HEX = HexFormat.of();

    private SignatureScheme() {
    }

    /**
     * The signed text: five lines joined by {@code \n}, no trailing newline. PHP:
     * {@code implode("\n", [$method, $pathWithQuery, $timestamp, $nonce, hash('sha256', $body)])}.
     */
    public static String canonicalString(String method, String pathWithQuery, String timestamp, String nonce,
                                         byte[] body) {
        return method + '\n' + pathWithQuery + '\n' + timestamp + '\n' + nonce + '\n' + bodyHash(body);
    }

    /** Lowercase hex SHA-256 of the body; the empty body hashes like the empty string, as PHP's hash() does. */
    public static String bodyHash(byte[] body) {
        return HEX.formatHex(sha256().digest(body == null ? new byte[0] : body));
    }

    /** {@code v1=} + lowercase hex HMAC-SHA256; PHP: {@code 'v1=' . hash_hmac('sha256', $canonical, $secret)}. */
    public static String signature(String secret, String canonicalString) {
        return VERSION_PREFIX + HEX.formatHex(mac(secret, canonicalString));
    }

    static byte[] mac(String secret, String canonicalString) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(canonicalString.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    /**
     * The request target as it goes on the wire: raw path (percent-encoding untouched) and raw query. An empty path
     * is sent as {@code /}, so it is signed as {@code /}.
     */
    public static String pathWithQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + '?' + uri.getRawQuery();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
