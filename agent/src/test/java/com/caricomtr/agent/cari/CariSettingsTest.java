package com.caricomtr.agent.cari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

class CariSettingsTest {
    private static final String KODU = "ACME-FIRMA-77";
    private static final String TOKEN = "tok-9f8e7d6c5b4a";

    @Test
    void onlyTheAccountIsRequired() {
        CariSettings settings = CariSettings.from(cari(Map.of("cari.firma-kodu", KODU, "cari.api-token", TOKEN)));

        assertThat(settings.baseUrl()).isEqualTo("https://sistem.cari.com.tr/api");
        assertThat(settings.firmaKodu()).isEqualTo(KODU);
        assertThat(settings.apiToken()).isEqualTo(TOKEN);
        assertThat(settings.connectTimeout()).isEqualTo(CariSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(settings.readTimeout()).isEqualTo(CariSettings.DEFAULT_READ_TIMEOUT);
        assertThat(settings.writeTimeout()).isEqualTo(CariSettings.DEFAULT_WRITE_TIMEOUT);
        assertThat(settings.callTimeout()).isEqualTo(CariSettings.DEFAULT_CALL_TIMEOUT);
        assertThat(settings.maxIdleConnections()).isEqualTo(CariSettings.DEFAULT_MAX_IDLE_CONNECTIONS);
        assertThat(settings.keepAlive()).isEqualTo(CariSettings.DEFAULT_KEEP_ALIVE);
        assertThat(settings.maxConcurrentCalls()).isEqualTo(CariSettings.DEFAULT_MAX_CONCURRENT_CALLS);
    }

    @Test
    void everyKeyIsRead() {
        Map<String, String> values = new HashMap<>();
        values.put("cari.base-url", "http://localhost:8089/api");
        values.put("cari.firma-kodu", KODU);
        values.put("cari.api-token", TOKEN);
        values.put("cari.connect-timeout", "2s");
        values.put("cari.read-timeout", "PT15S");
        values.put("cari.write-timeout", "1500ms");
        values.put("cari.call-timeout", "2m");
        values.put("cari.max-idle-connections", "8");
        values.put("cari.keep-alive", "45s");
        values.put("cari.max-concurrent-calls", "6");

        CariSettings settings = CariSettings.from(cari(values));

        assertThat(settings.baseUrl()).isEqualTo("http://localhost:8089/api");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.writeTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.maxIdleConnections()).isEqualTo(8);
        assertThat(settings.keepAlive()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.maxConcurrentCalls()).isEqualTo(6);
    }

    @Test
    void aBareNumberIsNotADuration() {
        assertThatThrownBy(() -> CariSettings.from(cari(Map.of("cari.firma-kodu", KODU, "cari.api-token", TOKEN,
                "cari.read-timeout", "30"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cari.read-timeout");
    }

    @Test
    void aMissingAccountNamesTheKeyButNeverAValue() {
        assertThatThrownBy(() -> CariSettings.from(cari(Map.of("cari.api-token", TOKEN))))
                .hasMessage("cari.firma-kodu is required");
        assertThatThrownBy(() -> CariSettings.from(cari(Map.of("cari.firma-kodu", KODU))))
                .hasMessage("cari.api-token is required");
    }

    @Test
    void theTokenMayComeFromTheEnvironment() {
        String home = System.getenv("HOME");
        assertThat(home).as("a variable every test machine has").isNotBlank();
        assertThat(CariSettings.from(cari(Map.of("cari.firma-kodu", KODU, "cari.api-token-env", "HOME",
                "cari.api-token", TOKEN))).apiToken()).isEqualTo(home.trim());
        assertThatThrownBy(() -> CariSettings.from(cari(Map.of("cari.firma-kodu", KODU,
                "cari.api-token-env", "CARICOMTR_NO_SUCH_VARIABLE", "cari.api-token", TOKEN))))
                .as("an unset variable is refused, never replaced by the inline token")
                .isInstanceOf(com.caricomtr.agent.config.ConfigurationRefused.class)
                .hasMessageContaining("cari.api-token-env names the environment variable CARICOMTR_NO_SUCH_VARIABLE");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRefused() {
        assertThatThrownBy(() -> CariSettings.of("ftp://cari.example", KODU, TOKEN))
                .hasMessageContaining("cari.base-url");
    }

    @Test
    void toStringMasksTheAccount() {
        String text = CariSettings.of(null, KODU, TOKEN).toString();

        assertThat(text).contains("firmaKodu=AC****", "apiToken=to****").doesNotContain(KODU, TOKEN);
    }

    @Test
    void aClientIsBuiltFromTheConfigNode() {
        try (CariClient client = CariClient.fromConfig(cari(Map.of("cari.base-url", "http://localhost:1/api",
                "cari.firma-kodu", KODU, "cari.api-token", TOKEN)))) {
            assertThat(client.toString()).contains("http://localhost:1/api").doesNotContain(KODU, TOKEN);
        }
    }

    private static Config cari(Map<String, String> values) {
        return Config.just(ConfigSources.create(values)).get("cari");
    }
}
