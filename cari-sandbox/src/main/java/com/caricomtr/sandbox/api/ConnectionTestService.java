package com.caricomtr.sandbox.api;

import com.caricomtr.sandbox.json.Json;
import com.caricomtr.sandbox.store.Company;
import com.caricomtr.sandbox.web.ApiResponder;
import com.caricomtr.sandbox.web.ApiResponse;
import com.caricomtr.sandbox.web.Authenticator;
import com.caricomtr.sandbox.web.JsonEndpoint;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code GET /baglanti-testi}: proves the firma kodu and token are right. */
public final class ConnectionTestService implements HttpService {
    private final Authenticator authenticator;
    private final ApiResponder responder;

    public ConnectionTestService(Authenticator authenticator, ApiResponder responder) {
        this.authenticator = authenticator;
        this.responder = responder;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/baglanti-testi", JsonEndpoint.handler(responder, request -> {
            Company company = authenticator.authenticate(request);
            ObjectNode body = Json.object()
                    .put("durum", "ok")
                    .put("firma_kodu", company.firmaKodu())
                    .put("firma_adi", company.name());
            return ApiResponse.of(200, body);
        }));
    }
}
