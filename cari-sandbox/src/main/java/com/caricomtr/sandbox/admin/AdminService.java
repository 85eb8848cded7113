package com.caricomtr.sandbox.admin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;

import com.caricomtr.sandbox.faults.FaultInjector;
import com.caricomtr.sandbox.faults.FaultSettings;
import com.caricomtr.sandbox.faults.FaultSettingsJson;
import com.caricomtr.sandbox.json.Json;
import com.caricomtr.sandbox.store.Ledger;
import com.caricomtr.sandbox.store.StoredCustomer;
import com.caricomtr.sandbox.store.StoredInvoice;
import com.caricomtr.sandbox.traffic.RequestLog;
import com.caricomtr.sandbox.traffic.RequestRecord;
import com.caricomtr.sandbox.traffic.TrafficStats;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /_sandbox}: what the sandbox received, its fault settings, and reset. Not part of the Cari contract, so it
 * answers in English, needs no credentials, and by default only talks to loopback clients.
 */
public final class AdminService implements HttpService {
    private static final int DEFAULT_REQUEST_LIMIT = 100;

    private final Ledger ledger;
    private final FaultInjector faults;
    private final RequestLog requestLog;
    private final TrafficStats traffic;
    private final Runnable reset;
    private final boolean allowRemote;

    public AdminService(Ledger ledger, FaultInjector faults, RequestLog requestLog, TrafficStats traffic,
                        Runnable reset, boolean allowRemote) {
        this.ledger = ledger;
        this.faults = faults;
        this.requestLog = requestLog;
        this.traffic = traffic;
        this.reset = reset;
        this.allowRemote = allowRemote;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/faults", admin(request -> FaultSettingsJson.toJson(faults)))
                .put("/faults", admin(this::changeFaults))
                .delete("/faults", admin(request -> {
                    faults.update(faults.settings().withoutFaults());
                    faults.script(List.of());
                    return FaultSettingsJson.toJson(faults);
                }))
                .get("/invoices", admin(this::invoices))
                .get("/customers", admin(this::customers))
                .get("/requests", admin(this::requests))
                .get("/stats", admin(request -> SandboxStats.of(ledger, traffic, faults).toJson()))
                .post("/reset", admin(request -> {
                    reset.run();
                    return Json.object().put("reset", true);
                }));
    }

    /** An admin endpoint: a JSON answer, 400 for {@link IllegalArgumentException}, 403 for remote clients. */
    private Handler admin(AdminEndpoint endpoint) {
        return (request, response) -> {
            if (!allowRemote && !isLoopback(request.remotePeer().address())) {
                send(response, 403, error("the /_sandbox endpoints answer loopback clients only; "
                        + "start the sandbox with --allow-remote-admin to change that"));
                return;
            }
            try {
                send(response, 200, endpoint.handle(request));
            } catch (IllegalArgumentException e) {
                send(response, 400, error(e.getMessage()));
            }
        };
    }

    static boolean isLoopback(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
    }

    private JsonNode changeFaults(ServerRequest request) {
        JsonNode patch;
        try {
            patch = request.content().hasEntity() ? Json.parse(request.content().as(byte[].class)) : null;
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (patch == null || !patch.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        // Validate everything before changing anything.
        FaultSettings settings = FaultSettingsJson.apply(faults.settings(), patch);
        List<String> script = FaultSettingsJson.script(patch);
        if (script != null) {
            FaultInjector.checkScript(script);
        }
        faults.update(settings);
        if (script != null) {
            faults.script(script);
        }
        return FaultSettingsJson.toJson(faults);
    }

    private JsonNode invoices(ServerRequest request) {
        Optional<String> company = request.query().first("firma_kodu").asOptional();
        ArrayNode list = Json.array();
        for (StoredInvoice invoice : ledger.invoices()) {
            if (company.isPresent() && !company.get().equals(invoice.firmaKodu())) {
                continue;
            }
            ObjectNode entry = list.addObject();
            entry.put("firma_kodu", invoice.firmaKodu());
            entry.put("id", invoice.id());
            entry.put("seri_no", invoice.seriNo());
            entry.put("fatura_no", invoice.faturaNo());
            entry.put("siparis_no", invoice.siparisNo().orElse(null));
            entry.put("cari_id", invoice.cariId());
            ObjectNode fatura = invoice.fatura();
            for (String field : List.of("tarih", "para_birimi", "ara_toplam", "kdv_toplam", "genel_toplam")) {
                entry.set(field, fatura.get(field));
            }
            entry.put("received_at", invoice.receivedAt().toString());
            entry.set("fatura", fatura);
        }
        return Json.object().set("invoices", list);
    }

    private JsonNode customers(ServerRequest request) {
        Optional<String> company = request.query().first("firma_kodu").asOptional();
        ArrayNode list = Json.array();
        for (StoredCustomer customer : ledger.customers()) {
            if (company.isPresent() && !company.get().equals(customer.firmaKodu())) {
                continue;
            }
            ObjectNode cari = customer.cari();
            ObjectNode entry = list.addObject();
            entry.put("firma_kodu", customer.firmaKodu());
            entry.put("id", customer.id());
            entry.put("dis_anahtar", customer.disAnahtar());
            entry.set("tur", cari.get("tur"));
            entry.put("created_at", customer.createdAt().toString());
            entry.put("updated_at", customer.updatedAt().toString());
            entry.set("cari", cari);
        }
        return Json.object().set("customers", list);
    }

    private JsonNode requests(ServerRequest request) {
        int limit = request.query().first("limit").asOptional().map(AdminService::limit).orElse(DEFAULT_REQUEST_LIMIT);
        ArrayNode list = Json.array();
        for (RequestRecord r : requestLog.recent(limit)) {
            ObjectNode entry = list.addObject();
            entry.put("at", r.at().toString());
            entry.put("method", r.method());
            entry.put("path", r.path());
            entry.put("query", r.query().isEmpty() ? null : r.query());
            entry.put("firma_kodu", r.firmaKodu());
            entry.put("status", r.status());
            entry.put("hata_kod", r.errorCode());
            entry.put("fault", r.fault());
            entry.put("latency_ms", r.latencyMs());
            entry.put("duration_ms", r.durationMs());
        }
        return Json.object().set("requests", list);
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("limit must be a positive integer, got \"" + text + "\"");
    }

    private static ObjectNode error(String message) {
        return Json.object().put("error", message);
    }

    private static void send(ServerResponse response, int status, JsonNode body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        response.send(Json.bytes(body));
    }

    @FunctionalInterface
    private interface AdminEndpoint {
        JsonNode handle(ServerRequest request);
    }
}
