package com.caricomtr.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

class InMemorySiteSecretsTest {
    private static final String SECRET_A = "a-secret-a-secret-a-secret-a-secret-0001";
    private static final String SECRET_B = "b-secret-b-secret-b-secret-b-secret-0002";

    @Test
    void readsTheSitesListOfTheConfiguration() {
        Config config = yaml("""
                sites:
                  - id: shop-1
                    secret: %s
                    table-prefix: wp_
                  - id: shop-2
                    secret: %s
                """.formatted(SECRET_A, SECRET_B));

        InMemorySiteSecrets secrets = InMemorySiteSecrets.from(config.get("sites"));

        assertThat(secrets.secret("shop-1")).contains(SECRET_A);
        assertThat(secrets.secret("shop-2")).contains(SECRET_B);
        assertThat(secrets.secret("shop-3")).isEmpty();
        assertThat(secrets.secret(null)).isEmpty();
        assertThat(secrets.siteIds()).containsExactlyInAnyOrder("shop-1", "shop-2");
    }

    @Test
    void noSitesIsAnEmptySetNotAnError() {
        assertThat(InMemorySiteSecrets.from(yaml("other: 1").get("sites")).siteIds()).isEmpty();
    }

    @Test
    void secretsStayOutOfToStringAndAreMaskedForLogs() {
        InMemorySiteSecrets secrets = InMemorySiteSecrets.of(Map.of("shop-1", SECRET_A));

        assertThat(secrets.toString()).contains("shop-1").doesNotContain(SECRET_A);
        assertThat(secrets.masker().apply("key=" + SECRET_A)).isEqualTo("key=a-****");
    }

    @Test
    void aShortSecretIsRefusedWithoutEchoingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InMemorySiteSecrets.of(Map.of("shop-1", "too-short-secret")))
                .withMessageContaining("shop-1")
                .withMessageContaining("32")
                .withMessageNotContaining("too-short-secret");
    }

    @Test
    void twoSitesMayNotShareASecret() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InMemorySiteSecrets.of(Map.of("shop-1", SECRET_A, "shop-2", SECRET_A)))
                .withMessageContaining("same secret")
                .withMessageNotContaining(SECRET_A);
    }

    @Test
    void aSiteIdMustBePlainAndIsNotEchoed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InMemorySiteSecrets.of(Map.of("shop 1\n", SECRET_A)))
                .withMessageNotContaining("shop 1");
    }

    @Test
    void aSiteConfiguredTwiceIsRefused() {
        Config config = yaml("""
                sites:
                  - id: shop-1
                    secret: %s
                  - id: shop-1
                    secret: %s
                """.formatted(SECRET_A, SECRET_B));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> InMemorySiteSecrets.from(config.get("sites")))
                .withMessageContaining("shop-1");
    }

    @Test
    void aSiteWithoutSecretIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InMemorySiteSecrets.from(yaml("sites:\n  - id: shop-1\n").get("sites")));
    }

    private static Config yaml(String text) {
        return Config.just(ConfigSources.create(text, MediaTypes.APPLICATION_YAML));
    }
}
