package com.caricomtr.agent.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.caricomtr.agent.Main;
import com.caricomtr.agent.api.HookRegistry;
import com.caricomtr.agent.api.InMemorySiteSecrets;
import com.caricomtr.agent.api.RequestSigner;
import com.caricomtr.agent.api.SignatureSettings;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.testing.TcpProxy;

import io.helidon.webserver.WebServer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the agent's database is away its API says so (503 {@code database_unavailable}), rather than answering 500
 * or blaming the request (a backfill or a log search used to get 400 "malformed"), and answers again after.
 */
class ApiDuringOutageTest {
    private static final String SITE = "api.example.com";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theApiAnswers503WhileTheDatabaseIsAwayAndServesAgainAfter() throws Exception {
        try (SyncFixture fixture = new SyncFixture(StorageLayout.HPOS, 30);
             TcpProxy proxy = TcpProxy.inFrontOf(fixture.db.jdbcUrl());
             SyncEngine engine = SyncEngine.start(List.of(fixture.site(SITE, proxy)), "api-outage", false)) {
            WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                    .routing(r -> Main.routing(r, InMemorySiteSecrets.of(Map.of(SITE, SyncFixture.SECRET)),
                            SignatureSettings.defaults(), new HookRegistry(), engine))
                    .build().start();
            RequestSigner bridge = new RequestSigner(SITE, SyncFixture.SECRET);
            try {
                assertThat(call(server, bridge, "GET", "/dashboard", null).join().statusCode()).isEqualTo(200);

                proxy.cut();
                // At once: each waits for the pool to give up on a connection.
                List<CompletableFuture<HttpResponse<String>>> during = List.of(
                        call(server, bridge, "GET", "/dashboard", null),
                        call(server, bridge, "POST", "/backfills", "{\"statuses\":[\"completed\"]}"),
                        call(server, bridge, "GET", "/logs?per_page=5", null));
                for (CompletableFuture<HttpResponse<String>> answer : during) {
                    HttpResponse<String> response = answer.join();
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                    assertThat(response.body()).contains("\"code\":\"database_unavailable\"");
                }

                proxy.restore();
                await().atMost(Duration.ofSeconds(30)).until(() -> call(server, bridge, "GET", "/dashboard", null)
                        .join().statusCode() == 200);
            } finally {
                server.stop();
            }
        }
    }

    private static CompletableFuture<HttpResponse<String>> call(WebServer server, RequestSigner bridge,
                                                                String method, String endpoint, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/sites/" + SITE + endpoint);
        return HTTP.sendAsync(bridge.request(method, uri, bytes).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
