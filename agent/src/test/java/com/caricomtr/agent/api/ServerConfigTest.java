package com.caricomtr.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import org.junit.jupiter.api.Test;

/** The shipped application.yaml lets the signature filter buffer a body of the full signature limit. */
class ServerConfigTest {
    @Test
    void theListenerBuffersAtLeastTheSignatureBodyLimit() {
        WebServerConfig server = WebServerConfig.builder().config(Config.create().get("server")).buildPrototype();

        long buffered = server.protocols().stream()
                .filter(Http1Config.class::isInstance)
                .mapToLong(protocol -> ((Http1Config) protocol).maxBufferedEntitySize().toBytes())
                .findFirst()
                .orElse(0);

        assertThat(buffered).isGreaterThanOrEqualTo(SignatureSettings.DEFAULT_MAX_BODY_BYTES);
        assertThat(server.host()).isEqualTo("127.0.0.1");
    }
}
