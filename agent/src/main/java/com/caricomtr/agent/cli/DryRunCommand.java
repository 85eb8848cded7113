package com.caricomtr.agent.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.caricomtr.agent.cari.CariPayloads;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.invoice.CustomerMapper;
import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.ExchangeRates;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.invoice.InvoiceMapper;
import com.caricomtr.agent.invoice.InvoiceNumberAllocator;
import com.caricomtr.agent.invoice.InvoiceNumberAssignment;
import com.caricomtr.agent.invoice.InvoiceSettings;
import com.caricomtr.agent.invoice.MappingException;
import com.caricomtr.agent.invoice.NumberingStrategy;
import com.caricomtr.agent.woo.LoadResult;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.WooSite;

import com.caricomtr.agent.json.Json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints the exact customer and invoice payloads the agent would send for a site's orders, sending nothing. An order
 * that cannot be mapped shows its error in place of the payloads; the run goes on.
 */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
        description = "Print, as JSON, the Cari payloads the agent would send for a site's orders, sending nothing.")
public final class DryRunCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = Json.MAPPER;

    @Mixin
    SiteOptions site;

    @Mixin
    InvoiceOptions invoiceOptions;

    @Option(names = "--ids", split = ",", description = "Order ids (default: all orders)")
    List<Long> ids;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        InvoiceSettings settings = invoiceOptions.settings();
        InvoiceMapper invoices = new InvoiceMapper(settings, new PreviewNumbers(), ExchangeRates.NONE);
        CustomerMapper customers = new CustomerMapper(settings);
        int[] errors = {0};
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(site.database())) {
            WooSite wooSite = site.site(pool);
            OrderReader reader = site.reader(pool, wooSite);
            JsonReport report = new JsonReport(spec.commandLine().getOut())
                    .field("site", wooSite.prefix().value())
                    .field("storage", wooSite.storage().describe())
                    .field("sent", false);
            if (settings.numbering() == NumberingStrategy.GAPLESS_COUNTER) {
                report.field("note", "gapless numbers below are previews; real numbers are assigned when an order is"
                        + " sent");
            }
            java.util.function.Consumer<LoadResult> map = r -> {
                r.rejections().forEach(x -> report.rejected(OrderJson.rejection(x)));
                for (Order order : r.orders()) {
                    ObjectNode entry = JsonNodeFactory.instance.objectNode();
                    entry.put("id", order.id());
                    entry.put("number", order.number());
                    entry.put("status", order.status());
                    try {
                        CustomerRecord customer = customers.map(order);
                        Invoice invoice = invoices.map(order);
                        entry.set("customer", JSON.readTree(CariPayloads.customer(customer)));
                        entry.set("invoice", JSON.readTree(
                                CariPayloads.invoice(invoice, CariPayloads.UNKNOWN_CUSTOMER_ID)));
                    } catch (MappingException e) {
                        errors[0]++;
                        ObjectNode error = entry.putObject("error");
                        error.put("field", e.field());
                        error.put("message", e.reason());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    report.order(entry);
                }
            };
            if (ids == null || ids.isEmpty()) {
                reader.readAll(map);
            } else {
                map.accept(reader.load(ids));
            }
            report.close();
            return errors[0] == 0 && report.rejectedCount() == 0 ? 0 : 3;
        }
    }

    /** Counts like the real allocator would, without storing anything: a dry run must not use up numbers. */
    private static final class PreviewNumbers implements InvoiceNumberAllocator {
        private final ConcurrentHashMap<String, AtomicLong> next = new ConcurrentHashMap<>();

        @Override
        public InvoiceNumberAssignment allocate(long orderId, String series, int year) {
            long sequence = next.computeIfAbsent(series + "/" + year, k -> new AtomicLong()).incrementAndGet();
            return new InvoiceNumberAssignment(orderId, series, year, sequence);
        }

        @Override
        public Optional<InvoiceNumberAssignment> find(long orderId) {
            return Optional.empty();
        }
    }
}
