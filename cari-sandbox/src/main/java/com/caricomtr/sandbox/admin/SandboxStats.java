package com.caricomtr.sandbox.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.caricomtr.sandbox.faults.FaultInjector;
import com.caricomtr.sandbox.json.Json;
import com.caricomtr.sandbox.store.Ledger;
import com.caricomtr.sandbox.store.StoredCustomer;
import com.caricomtr.sandbox.store.StoredInvoice;
import com.caricomtr.sandbox.traffic.TrafficStats;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a test or a demo wants to assert after a run: traffic, outcomes, faults, and above all whether anything was
 * invoiced twice.
 *
 * @param requests                      API requests seen
 * @param byStatus                      answered API requests per status
 * @param unanswered                    API requests that got no HTTP answer (dropped, closed, client gone)
 * @param rejections                    400 and 422 answers
 * @param unauthorized                  401 answers
 * @param conflicts                     409 answers
 * @param conflictsWithDifferentContent 409s whose payload differed from the stored invoice (a numbering bug)
 * @param faultsInjected                faults applied, by kind
 * @param duplicateInvoiceNumbers       invoices sharing a company and {@code fatura_no}; 0 by construction
 * @param ordersInvoicedMoreThanOnce    orders ({@code siparis_no}) with more than one invoice: double invoicing
 *                                      under different numbers, which the 409 cannot catch
 * @param duplicateCustomerKeys         {@code dis_anahtar} values held by more than one customer of a company
 */
public record SandboxStats(long requests,
                           Map<Integer, Long> byStatus,
                           long unanswered,
                           long invoices,
                           long customers,
                           long rejections,
                           long unauthorized,
                           long conflicts,
                           long conflictsWithDifferentContent,
                           Map<String, Long> faultsInjected,
                           long duplicateInvoiceNumbers,
                           List<Repeated> ordersInvoicedMoreThanOnce,
                           List<Repeated> duplicateCustomerKeys) {

    /** One key held by several records of a company. */
    public record Repeated(String firmaKodu, String key, List<String> ids) {
    }

    public static SandboxStats of(Ledger ledger, TrafficStats traffic, FaultInjector faults) {
        List<StoredInvoice> invoices = ledger.invoices();
        List<StoredCustomer> customers = ledger.customers();
        long duplicateNumbers = repeated(invoices.stream()
                .collect(Collectors.groupingBy(i -> List.of(i.firmaKodu(), i.faturaNo()), LinkedHashMap::new,
                        Collectors.mapping(StoredInvoice::id, Collectors.toList()))))
                .stream().mapToLong(r -> r.ids().size() - 1L).sum();
        List<Repeated> repeatedOrders = repeated(invoices.stream()
                .filter(i -> i.siparisNo().isPresent())
                .collect(Collectors.groupingBy(i -> List.of(i.firmaKodu(), i.siparisNo().get()), LinkedHashMap::new,
                        Collectors.mapping(StoredInvoice::id, Collectors.toList()))));
        List<Repeated> repeatedKeys = repeated(customers.stream()
                .collect(Collectors.groupingBy(c -> List.of(c.firmaKodu(), c.disAnahtar()), LinkedHashMap::new,
                        Collectors.mapping(StoredCustomer::id, Collectors.toList()))));
        return new SandboxStats(traffic.requests(), traffic.byStatus(), traffic.unansweredCount(), invoices.size(),
                customers.size(), traffic.withStatus(400) + traffic.withStatus(422), traffic.withStatus(401),
                traffic.withStatus(409), traffic.conflictsWithDifferentContent(), faults.injectedCounts(),
                duplicateNumbers, repeatedOrders, repeatedKeys);
    }

    private static List<Repeated> repeated(Map<List<String>, List<String>> idsByCompanyAndKey) {
        List<Repeated> repeated = new ArrayList<>();
        idsByCompanyAndKey.forEach((companyAndKey, ids) -> {
            if (ids.size() > 1) {
                repeated.add(new Repeated(companyAndKey.get(0), companyAndKey.get(1), List.copyOf(ids)));
            }
        });
        return repeated;
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("requests", requests);
        ObjectNode statuses = json.putObject("by_status");
        byStatus.forEach((status, count) -> statuses.put(Integer.toString(status), count));
        json.put("unanswered", unanswered);
        json.put("invoices", invoices);
        json.put("customers", customers);
        json.put("rejections", rejections);
        json.put("unauthorized", unauthorized);
        json.put("conflicts", conflicts);
        json.put("conflicts_with_different_content", conflictsWithDifferentContent);
        ObjectNode injected = json.putObject("faults_injected");
        faultsInjected.forEach(injected::put);
        json.put("duplicate_invoice_numbers", duplicateInvoiceNumbers);
        repeatedJson(json.putArray("orders_invoiced_more_than_once"), ordersInvoicedMoreThanOnce, "siparis_no",
                "invoice_ids");
        repeatedJson(json.putArray("duplicate_customer_keys"), duplicateCustomerKeys, "dis_anahtar", "customer_ids");
        return json;
    }

    private static void repeatedJson(ArrayNode array, List<Repeated> repeated, String keyName, String idsName) {
        for (Repeated r : repeated) {
            ObjectNode entry = array.addObject();
            entry.put("firma_kodu", r.firmaKodu());
            entry.put(keyName, r.key());
            ArrayNode ids = entry.putArray(idsName);
            r.ids().forEach(ids::add);
        }
    }
}
