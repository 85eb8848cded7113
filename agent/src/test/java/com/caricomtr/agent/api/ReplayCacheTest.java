package com.caricomtr.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ReplayCacheTest {
    private static final long NOW = 1_767_225_600L;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));

    @Test
    void aNonceIsAcceptedOnceAndThenSeenAsAReplay() {
        ReplayCache cache = new ReplayCache(10, clock);

        assertThat(cache.admit("shop-1", "nonce-0000000000001", NOW + 300)).isEqualTo(ReplayCache.Admission.ACCEPTED);
        assertThat(cache.admit("shop-1", "nonce-0000000000001", NOW + 300)).isEqualTo(ReplayCache.Admission.REPLAYED);
    }

    @Test
    void sitesHaveTheirOwnNonces() {
        ReplayCache cache = new ReplayCache(10, clock);

        cache.admit("shop-1", "nonce-0000000000001", NOW + 300);

        assertThat(cache.admit("shop-2", "nonce-0000000000001", NOW + 300)).isEqualTo(ReplayCache.Admission.ACCEPTED);
    }

    @Test
    void aFullShareRefusesNewNoncesInsteadOfForgettingOldOnes() {
        ReplayCache cache = new ReplayCache(2, clock);
        cache.admit("shop-1", "nonce-0000000000001", NOW + 100);
        cache.admit("shop-1", "nonce-0000000000002", NOW + 300);

        assertThat(cache.admit("shop-1", "nonce-0000000000003", NOW + 300)).isEqualTo(ReplayCache.Admission.FULL);
        // Still remembered: the full cache did not make room by dropping it.
        assertThat(cache.admit("shop-1", "nonce-0000000000001", NOW + 100)).isEqualTo(ReplayCache.Admission.REPLAYED);
        assertThat(cache.size("shop-1")).isEqualTo(2);
        assertThat(cache.untilRoom("shop-1")).isEqualTo(Duration.ofSeconds(101));
    }

    @Test
    void oneSiteFillingItsShareDoesNotStopAnother() {
        ReplayCache cache = new ReplayCache(1, clock);
        cache.admit("shop-1", "nonce-0000000000001", NOW + 300);

        assertThat(cache.admit("shop-1", "nonce-0000000000002", NOW + 300)).isEqualTo(ReplayCache.Admission.FULL);
        assertThat(cache.admit("shop-2", "nonce-0000000000002", NOW + 300)).isEqualTo(ReplayCache.Admission.ACCEPTED);
    }

    @Test
    void aNonceIsForgottenOnlyOnceItsTimestampCanNoLongerPass() {
        ReplayCache cache = new ReplayCache(1, clock);
        cache.admit("shop-1", "nonce-0000000000001", NOW + 300);

        clock.set(Instant.ofEpochSecond(NOW + 300));
        assertThat(cache.admit("shop-1", "nonce-0000000000001", NOW + 300)).isEqualTo(ReplayCache.Admission.REPLAYED);

        clock.set(Instant.ofEpochSecond(NOW + 301));
        assertThat(cache.admit("shop-1", "nonce-0000000000002", NOW + 601)).isEqualTo(ReplayCache.Admission.ACCEPTED);
        assertThat(cache.size("shop-1")).isEqualTo(1);
    }

    @Test
    void aVerifierRefusesWithRetryAfterWhenTheSiteShareIsFull() throws SignatureRejected {
        SignatureVerifier verifier = new SignatureVerifier(TestSites.SECRETS,
                SignatureSettings.defaults().withReplayCacheSizePerSite(1), clock);
        RequestSigner signer = new RequestSigner("shop-1", TestSites.SHOP_1_SECRET, clock);

        verifier.verify("GET", "/x", signer.sign("GET", "/x", null), (byte[]) null);

        assertThat(catchThrowableOfType(SignatureRejected.class,
                () -> verifier.verify("GET", "/x", signer.sign("GET", "/x", null), (byte[]) null)))
                .satisfies(rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RejectionReason.REPLAY_CACHE_FULL);
                    assertThat(rejected.retryAfter()).contains(Duration.ofSeconds(301));
                });
        assertThat(verifier.replayCacheSize("shop-1")).isEqualTo(1);
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
