package com.caricomtr.agent.api;

import static com.caricomtr.agent.api.RejectionReason.BAD_SIGNATURE;
import static com.caricomtr.agent.api.RejectionReason.EXPIRED;
import static com.caricomtr.agent.api.RejectionReason.REPLAYED;
import static com.caricomtr.agent.api.RejectionReason.REPLAY_CACHE_FULL;
import static com.caricomtr.agent.api.RejectionReason.TOO_LARGE;
import static com.caricomtr.agent.api.RejectionReason.UNKNOWN_SITE;
import static com.caricomtr.agent.api.RejectionReason.UNSIGNED;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Checks a request against the v1 signature scheme (docs/agent-api.md, "Authentication"). Free of any HTTP
 * framework, so that the agent's filter and a test standing in for the bridge verify in exactly the same way.
 *
 * <p>The checks run cheapest first, and the body is read only once the headers passed, so that an unknown or stale
 * caller costs no read. The nonce is remembered only after the signature matched: otherwise anyone could burn a
 * legitimate request's nonce, or fill the replay cache, without knowing a secret.
 */
public final class SignatureVerifier {
    private static final Pattern SIGNATURE = Pattern.compile(
            Pattern.quote(SignatureScheme.VERSION_PREFIX) + "[0-9a-f]{" + 2 * SignatureScheme.MAC_BYTES + "}");
    private static final HexFormat HEX = HexFormat.of();

    /** Supplies the body, bounded: may stop reading past {@code maxBytes} and refuse with {@code TOO_LARGE}. */
    @FunctionalInterface
    public interface BodySource {
        byte[] read(long maxBytes) throws SignatureRejected;
    }

    private final SiteSecrets secrets;
    private final SignatureSettings settings;
    private final Clock clock;
    private final ReplayCache replayCache;

    public SignatureVerifier(SiteSecrets secrets, SignatureSettings settings) {
        this(secrets, settings, Clock.systemUTC());
    }

    public SignatureVerifier(SiteSecrets secrets, SignatureSettings settings, Clock clock) {
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
        this.replayCache = new ReplayCache(settings.replayCacheSizePerSite(), clock);
    }

    public SignatureSettings settings() {
        return settings;
    }

    public SignedRequest verify(String method, String pathWithQuery, SignatureHeaders headers, byte[] body)
            throws SignatureRejected {
        return verify(method, pathWithQuery, headers, maxBytes -> body == null ? new byte[0] : body);
    }

    /**
     * @param method        the request method as sent, e.g. {@code POST}
     * @param pathWithQuery the request target as sent: raw path, and {@code ?} with the raw query if there was one
     */
    public SignedRequest verify(String method, String pathWithQuery, SignatureHeaders headers, BodySource body)
            throws SignatureRejected {
        requireWellFormed(headers);
        String secret = secrets.secret(headers.site())
                .orElseThrow(() -> new SignatureRejected(UNKNOWN_SITE, "The site is not configured on this agent."));
        long timestamp = Long.parseLong(headers.timestamp());
        requireWithinSkew(timestamp);

        byte[] bytes = body.read(settings.maxBodyBytes());
        if (bytes.length > settings.maxBodyBytes()) {
            throw tooLarge(settings.maxBodyBytes());
        }
        String canonical = SignatureScheme.canonicalString(method, pathWithQuery, headers.timestamp(),
                headers.nonce(), bytes);
        byte[] expected = SignatureScheme.mac(secret, canonical);
        byte[] given = HEX.parseHex(headers.signature(), SignatureScheme.VERSION_PREFIX.length(),
                headers.signature().length());
        if (!MessageDigest.isEqual(expected, given)) {
            throw new SignatureRejected(BAD_SIGNATURE, "The signature does not match the request.");
        }

        long lastValidSecond = timestamp + settings.clockSkew().toSeconds();
        switch (replayCache.admit(headers.site(), headers.nonce(), lastValidSecond)) {
            case REPLAYED -> throw new SignatureRejected(REPLAYED, "The nonce was already used.");
            case FULL -> throw new SignatureRejected(REPLAY_CACHE_FULL,
                    "Too many signed requests from this site within the clock-skew window; retry later.",
                    replayCache.untilRoom(headers.site()));
            case ACCEPTED -> {
            }
        }
        return new SignedRequest(headers.site(), headers.nonce(), Instant.ofEpochSecond(timestamp));
    }

    static SignatureRejected tooLarge(long maxBytes) {
        return new SignatureRejected(TOO_LARGE, "The body is larger than " + maxBytes + " bytes.");
    }

    int replayCacheSize(String siteId) {
        return replayCache.size(siteId);
    }

    private static void requireWellFormed(SignatureHeaders headers) throws SignatureRejected {
        if (headers.site() == null || headers.timestamp() == null || headers.nonce() == null
                || headers.signature() == null) {
            throw new SignatureRejected(UNSIGNED, "The request is not signed: " + SignatureScheme.SITE_HEADER + ", "
                    + SignatureScheme.TIMESTAMP_HEADER + ", " + SignatureScheme.NONCE_HEADER + " and "
                    + SignatureScheme.SIGNATURE_HEADER + " are all required.");
        }
        if (!SignatureScheme.TIMESTAMP.matcher(headers.timestamp()).matches()) {
            throw new SignatureRejected(UNSIGNED, SignatureScheme.TIMESTAMP_HEADER + " must be Unix seconds.");
        }
        if (!SignatureScheme.NONCE.matcher(headers.nonce()).matches()) {
            throw new SignatureRejected(UNSIGNED, SignatureScheme.NONCE_HEADER
                    + " must be 16 to 64 of A-Z a-z 0-9 _ -.");
        }
        if (!SIGNATURE.matcher(headers.signature()).matches()) {
            throw new SignatureRejected(UNSIGNED, SignatureScheme.SIGNATURE_HEADER + " must be "
                    + SignatureScheme.VERSION_PREFIX + " followed by 64 lowercase hex digits.");
        }
    }

    private void requireWithinSkew(long timestamp) throws SignatureRejected {
        long now = clock.instant().getEpochSecond();
        long allowed = settings.clockSkew().toSeconds();
        if (timestamp < now - allowed) {
            throw new SignatureRejected(EXPIRED, "The timestamp is " + (now - timestamp)
                    + " s behind the agent's clock; at most " + allowed + " s are allowed.");
        }
        if (timestamp > now + allowed) {
            throw new SignatureRejected(EXPIRED, "The timestamp is " + (timestamp - now)
                    + " s ahead of the agent's clock; at most " + allowed + " s are allowed.");
        }
    }
}
