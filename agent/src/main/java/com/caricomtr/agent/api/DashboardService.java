package com.caricomtr.agent.api;

import java.util.LinkedHashMap;
import java.util.Map;

import com.caricomtr.agent.sync.SiteSync;
import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.sync.state.ErrorQuery;
import com.caricomtr.agent.sync.state.PageRequest;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The figures of the wp-admin dashboard. */
final class DashboardService implements HttpService {
    private final SiteResolver sites;

    DashboardService(SiteResolver sites) {
        this.sites = sites;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/sites/{site}/dashboard", this::dashboard);
    }

    private void dashboard(ServerRequest request, ServerResponse response) {
        SiteSync site = sites.resolve(request, response);
        if (site == null) {
            return;
        }
        AgentState state = site.runtime().state();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        state.orders().countsByState().forEach((s, n) -> counts.put(s.dbValue(), n));
        out.put("counts", counts);
        out.put("synced_per_day", state.orders().syncedPerDay(30));
        out.put("last_errors", state.errors().list(new ErrorQuery(null, false, null, null, null,
                PageRequest.of(0, 10))).items());
        out.put("lag_seconds", state.orders().lag().toSeconds());
        out.put("storage", site.runtime().storage().describe());
        out.put("waiting_for_hooks", site.waitingForHooks());
        ApiJson.send(response, 200, out);
    }
}
