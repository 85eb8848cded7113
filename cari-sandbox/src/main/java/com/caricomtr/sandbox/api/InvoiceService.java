package com.caricomtr.sandbox.api;

import java.util.ArrayList;
import java.util.List;

import com.caricomtr.sandbox.faults.FaultInjector;
import com.caricomtr.sandbox.json.Json;
import com.caricomtr.sandbox.store.Company;
import com.caricomtr.sandbox.store.InvoiceOutcome;
import com.caricomtr.sandbox.store.Ledger;
import com.caricomtr.sandbox.store.StoredInvoice;
import com.caricomtr.sandbox.traffic.TrafficStats;
import com.caricomtr.sandbox.validation.FieldError;
import com.caricomtr.sandbox.validation.InvoiceValidator;
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

/** {@code /faturalar}: create invoices (once per number) and read them back by id or by number. */
public final class InvoiceService implements HttpService {
    private final Authenticator authenticator;
    private final ApiResponder responder;
    private final Ledger ledger;
    private final FaultInjector faults;
    private final TrafficStats stats;

    public InvoiceService(Authenticator authenticator, ApiResponder responder, Ledger ledger, FaultInjector faults,
                          TrafficStats stats) {
        this.authenticator = authenticator;
        this.responder = responder;
        this.ledger = ledger;
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/faturalar", JsonEndpoint.handler(responder, this::create))
                .get("/faturalar", JsonEndpoint.handler(responder, this::findByNumber))
                .get("/faturalar/{id}", JsonEndpoint.handler(responder, this::read));
    }

    private ApiResponse create(ServerRequest request) throws ApiException {
        Company company = authenticator.authenticate(request);
        String firmaKodu = company.firmaKodu();
        Validated<ObjectNode> validated = InvoiceValidator.validate(RequestBodies.jsonObject(request),
                id -> ledger.customerExists(firmaKodu, id));
        if (!validated.isValid()) {
            throw ApiErrors.invalid(422, "Fatura doğrulanamadı", validated.errors());
        }
        InvoiceOutcome outcome = ledger.createInvoice(firmaKodu, validated.value());
        return switch (outcome) {
            case InvoiceOutcome.Created created -> {
                LostAnswer.ifPlanned(request, faults, "invoice");
                yield ApiResponse.of(201, wrap(created.invoice()));
            }
            case InvoiceOutcome.Duplicate duplicate -> {
                if (!duplicate.sameContent()) {
                    stats.conflictWithDifferentContent();
                }
                yield ApiErrors.invoiceExists(duplicate.existing().id(), duplicate.existing().faturaNo());
            }
        };
    }

    private ApiResponse findByNumber(ServerRequest request) throws ApiException {
        Company company = authenticator.authenticate(request);
        String seriNo = request.query().first("seri_no").orElse("");
        String faturaNo = request.query().first("fatura_no").orElse("");
        List<FieldError> missing = new ArrayList<>();
        if (seriNo.isBlank()) {
            missing.add(new FieldError("seri_no", "zorunlu sorgu parametresi"));
        }
        if (faturaNo.isBlank()) {
            missing.add(new FieldError("fatura_no", "zorunlu sorgu parametresi"));
        }
        if (!missing.isEmpty()) {
            throw ApiErrors.invalid(400, "Arama için seri_no ve fatura_no gerekli", missing);
        }
        ArrayNode found = Json.array();
        ledger.invoicesNumbered(company.firmaKodu(), seriNo, faturaNo).forEach(i -> found.add(i.toWire()));
        ObjectNode body = Json.object();
        body.set("faturalar", found);
        return ApiResponse.of(200, body);
    }

    private ApiResponse read(ServerRequest request) throws ApiException {
        Company company = authenticator.authenticate(request);
        String id = request.path().pathParameters().get("id");
        StoredInvoice invoice = ledger.invoice(company.firmaKodu(), id)
                .orElseThrow(() -> ApiErrors.notFound("\"" + id + "\" numaralı fatura bulunamadı"));
        return ApiResponse.of(200, wrap(invoice));
    }

    private static ObjectNode wrap(StoredInvoice invoice) {
        ObjectNode body = Json.object();
        body.set("fatura", invoice.toWire());
        return body;
    }
}
