package com.caricomtr.sandbox.api;

import java.util.List;

import com.caricomtr.sandbox.faults.FaultInjector;
import com.caricomtr.sandbox.json.Json;
import com.caricomtr.sandbox.store.Company;
import com.caricomtr.sandbox.store.CustomerOutcome;
import com.caricomtr.sandbox.store.Ledger;
import com.caricomtr.sandbox.store.StoredCustomer;
import com.caricomtr.sandbox.validation.CustomerValidator;
import com.caricomtr.sandbox.validation.FieldError;
import com.caricomtr.sandbox.validation.Validated;
import com.caricomtr.sandbox.web.ApiErrors;
import com.caricomtr.sandbox.web.ApiException;
import com.caricomtr.sandbox.web.ApiResponder;
import com.caricomtr.sandbox.web.ApiResponse;
import com.caricomtr.sandbox.web.Authenticator;
import com.caricomtr.sandbox.web.JsonEndpoint;
import com.caricomtr.sandbox.web.RequestBodies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

/**
 * {@code /cariler}: create, update and find customers of the calling company. A {@code dis_anahtar} belongs to one
 * customer of a company: a creation or an update that would give it to a second one is answered 409
 * {@code CARI_MEVCUT} with the holder's id, unless the sandbox accepts duplicate keys.
 */
public final class CustomerService implements HttpService {
    private final Authenticator authenticator;
    private final ApiResponder responder;
    private final Ledger ledger;
    private final FaultInjector faults;

    public CustomerService(Authenticator authenticator, ApiResponder responder, Ledger ledger, FaultInjector faults) {
        this.authenticator = authenticator;
        this.responder = responder;
        this.ledger = ledger;
        this.faults = faults;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/cariler", JsonEndpoint.handler(responder, this::create))
                .put("/cariler/{id}", JsonEndpoint.handler(responder, this::update))
                .get("/cariler", JsonEndpoint.handler(responder, this::find));
    }

    private ApiResponse create(ServerRequest request) throws ApiException {
        Company company = authenticator.authenticate(request);
        ObjectNode cari = valid(request);
        return switch (ledger.createCustomer(company.firmaKodu(), cari)) {
            case CustomerOutcome.Stored stored -> {
                LostAnswer.ifPlanned(request, faults, "customer");
                yield ApiResponse.of(201, wrap(stored.customer()));
            }
            case CustomerOutcome.KeyTaken taken -> keyTaken(taken);
        };
    }

    private ApiResponse update(ServerRequest request) throws ApiException {
        Company company = authenticator.authenticate(request);
        String id = request.path().pathParameters().get("id");
        if (ledger.customer(company.firmaKodu(), id).isEmpty()) {
            throw ApiErrors.notFound("\"" + id + "\" numaralı cari bulunamadı");
        }
        ObjectNode cari = valid(request);
        CustomerOutcome outcome = ledger.updateCustomer(company.firmaKodu(), id, cari)
                .orElseThrow(() -> ApiErrors.notFound("\"" + id + "\" numaralı cari bulunamadı"));
        return switch (outcome) {
            case CustomerOutcome.Stored stored -> ApiResponse.of(200, wrap(stored.customer()));
            case CustomerOutcome.KeyTaken taken -> keyTaken(taken);
        };
    }

    private static ApiResponse keyTaken(CustomerOutcome.KeyTaken taken) {
        return ApiErrors.customerExists(taken.existing().id(), taken.existing().disAnahtar());
    }

    private ApiResponse find(ServerRequest request) throws ApiException {
        Company company = authenticator.authenticate(request);
        String key = request.query().first("dis_anahtar").orElse("");
        if (key.isBlank()) {
            throw ApiErrors.invalid(400, "Arama için dis_anahtar gerekli",
                    List.of(new FieldError("dis_anahtar", "zorunlu sorgu parametresi")));
        }
        ArrayNode found = Json.array();
        ledger.customersWithKey(company.firmaKodu(), key).forEach(c -> found.add(c.toWire()));
        ObjectNode body = Json.object();
        body.set("cariler", found);
        return ApiResponse.of(200, body);
    }

    private static ObjectNode valid(ServerRequest request) throws ApiException {
        Validated<ObjectNode> validated = CustomerValidator.validate(RequestBodies.jsonObject(request));
        if (!validated.isValid()) {
            throw ApiErrors.invalid(422, "Cari doğrulanamadı", validated.errors());
        }
        return validated.value();
    }

    private static ObjectNode wrap(StoredCustomer customer) {
        ObjectNode body = Json.object();
        body.set("cari", customer.toWire());
        return body;
    }
}
