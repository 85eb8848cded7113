package com.caricomtr.agent.sync;

import java.util.Map;

import com.caricomtr.agent.api.InMemorySiteSecrets;
import com.caricomtr.agent.sync.state.SiteIds;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One rule for site ids (docs/agent-api.md): a domain such as {@code shop.example.com} is an id, and the
 * configuration, the signed API's secrets and the state stores agree on it; a bad id is refused with the setting
 * named and what is wrong, without the id itself. End to end, SyncApiTest runs every endpoint for a dotted id.
 */
class SiteIdRuleTest {
    private static final String SECRET = "test-secret-0123456789abcdef-0123456789";
    /** 64 characters, the longest id. */
    private static final String SIXTY_FOUR = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com";

    @ParameterizedTest
    @ValueSource(strings = {"shop.example.com", "www.magaza.com.tr", "shop-1", "shop_1", "-legacy", "_legacy", "a",
            "shop.", SIXTY_FOUR})
    void aDomainAndEveryIdAcceptedBeforeAreIds(String id) {
        assertThat(SiteIds.isValid(id)).isTrue();
        assertThat(SiteConfig.from(site(id)).id()).isEqualTo(id);
        assertThat(InMemorySiteSecrets.of(Map.of(id, SECRET)).siteIds()).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", ".hidden", "shop example", "shop/1", "shop:1", "dükkan.com", "a@b",
            "shop\n"})
    void anythingElseIsRefusedByEveryReader(String id) {
        assertThat(SiteIds.isValid(id)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> SiteIds.check(id));
        assertThatIllegalArgumentException().isThrownBy(() -> InMemorySiteSecrets.of(Map.of(id, SECRET)));
        assertThatIllegalArgumentException().isThrownBy(() -> SiteConfig.from(site(id)))
                .withMessageStartingWith("sites.0.id must be 1 to 64 characters of A-Z a-z 0-9 . _ -,"
                        + " not starting with '.'; it ");
    }

    @Test
    void theRefusalSaysWhatIsWrongWithoutRepeatingTheId() {
        assertThat(refusal("shop example")).endsWith("; it contains U+0020").doesNotContain("shop");
        assertThat(refusal(".hidden")).endsWith("; it starts with '.'");
        assertThat(refusal("a".repeat(65))).endsWith("; it has 65 characters");
        assertThat(refusal("dükkan")).endsWith("; it contains U+00FC");
        assertThatIllegalArgumentException().isThrownBy(() -> SiteConfig.from(yaml("sites:\n  - secret: x\n")
                .get("sites").asNodeList().orElseThrow().getFirst())).withMessage("sites.0.id must be "
                + SiteIds.RULE + "; it is missing");
    }

    @Test
    void workerIdsOfLongSiteIdsFitTheirColumnAndStayApart() {
        assertThat(WorkerId.of("web-1-4242", "shop.example.com")).isEqualTo("web-1-4242/shop.example.com");
        String host = "agent-on-a-rather-long-host-name.hosting.example.net-12345";
        String a = WorkerId.of(host + "-a", SIXTY_FOUR);
        String b = WorkerId.of(host + "-b", SIXTY_FOUR);
        assertThat(a).hasSize(WorkerId.MAX_LENGTH).startsWith(host.substring(0, 40)).isNotEqualTo(b);
        assertThat(WorkerId.of(host + "-a", SIXTY_FOUR)).as("the same agent and site, the same id").isEqualTo(a);
    }

    private static String refusal(String id) {
        try {
            SiteConfig.from(site(id));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + id);
    }

    private static Config site(String id) {
        Config root = yaml("""
                sites:
                  - id: "%s"
                    secret: "%s"
                    database:
                      url: jdbc:mariadb://127.0.0.1:3306/wordpress
                    cari:
                      firma-kodu: DEMO
                      api-token: demo-token
                """.formatted(id.replace("\n", "\\n"), SECRET));
        return root.get("sites").asNodeList().orElseThrow().getFirst();
    }

    private static Config yaml(String text) {
        return Config.just(ConfigSources.create(text, MediaTypes.APPLICATION_YAML));
    }
}
