package com.caricomtr.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code acceptDuplicateCustomerKeys} the sandbox stands in for a Cari that does not refuse a second customer
 * with a known {@code dis_anahtar}: it stores it, and its stats name every such key, so that a test can assert that
 * the agent itself never made one.
 */
@ServerTest
class DuplicateCustomerKeysTest {
    private static final Sandbox SANDBOX = Sandbox.create(SandboxOptions.builder()
            .acceptDuplicateCustomerKeys(true).build());

    private final CariApi api;

    DuplicateCustomerKeysTest(Http1Client client) {
        this.api = new CariApi(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SANDBOX.routing(routing);
    }

    @BeforeEach
    void reset() {
        SANDBOX.reset();
    }

    @Test
    void aSecondCustomerWithTheSameKeyIsStoredAndReported() {
        assertThat(api.post("/api/cariler", Examples.docCustomer()).status()).isEqualTo(201);
        assertThat(api.post("/api/cariler", Examples.docCustomer()).status()).isEqualTo(201);

        assertThat(api.get("/api/cariler?dis_anahtar=vkn:6789123457").body().get("cariler")).hasSize(2);
        assertThat(SANDBOX.stats().duplicateCustomerKeys()).singleElement().satisfies(r -> {
            assertThat(r.firmaKodu()).isEqualTo("DEMO");
            assertThat(r.key()).isEqualTo("vkn:6789123457");
            assertThat(r.ids()).containsExactly("C000001", "C000002");
        });
        JsonNode reported = api.withHeaders(java.util.Map.of()).get("/_sandbox/stats").body()
                .at("/duplicate_customer_keys/0");
        assertThat(reported.get("dis_anahtar").asText()).isEqualTo("vkn:6789123457");
        assertThat(reported.get("customer_ids")).hasSize(2);
    }

    @Test
    void anUpdateMayTakeAnotherCustomersKey() {
        api.post("/api/cariler", Examples.docCustomer());
        String other = api.post("/api/cariler", Examples.individual("12345678950")).text("/cari/id");
        ObjectNode taking = Examples.individual("12345678950");
        Examples.cari(taking).put("dis_anahtar", "vkn:6789123457");

        assertThat(api.put("/api/cariler/" + other, taking).status()).isEqualTo(200);
        assertThat(SANDBOX.stats().duplicateCustomerKeys()).hasSize(1);
    }

    @Test
    void withoutDuplicatesTheReportIsEmpty() {
        api.post("/api/cariler", Examples.docCustomer());
        api.post("/api/cariler", Examples.individual("12345678950"));

        assertThat(SANDBOX.stats().duplicateCustomerKeys()).isEmpty();
    }
}
