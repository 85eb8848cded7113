package com.caricomtr.agent.api;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Liveness for the bridge and for supervisors; the only unsigned endpoint. */
public final class HealthService implements HttpService {
    private final String version;

    public HealthService(String version) {
        this.version = version;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::health);
    }

    private void health(ServerRequest req, ServerResponse res) {
        res.header("Content-Type", "application/json");
        res.send("{\"status\":\"UP\",\"version\":\"" + version + "\"}");
    }
}
