package com.caricomtr.agent.cari;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.Invoice;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.config.Config;
import okhttp3.HttpUrl;

/**
 * The agent's connection to Cari.com.tr. Thread-safe; create one per Cari account and share it. Every method is
 * synchronous (the sync engine calls it from virtual threads) and reports any failure as a classified
 * {@link CariException}. Each method has a variant taking a {@link CariCallContext} that is handed to the
 * {@link CariExchangeListener} for log correlation.
 */
public final class CariClient implements AutoCloseable {
    private final CariSettings settings;
    private final CariTransport transport;
    private final String siteId;

    CariClient(CariSettings settings, CariExchangeListener listener, Clock clock) {
        this(settings, listener, clock, null);
    }

    CariClient(CariSettings settings, CariExchangeListener listener, Clock clock, String siteId) {
        this.settings = settings;
        this.transport = new CariTransport(settings, listener, clock);
        this.siteId = siteId;
    }

    /**
     * A client that speaks for one shop: every invoice it sends carries {@code dis_anahtar} =
     * {@code <site id>/<order id>}, by which an invoice found under its number is told apart from another shop's
     * ({@link #mismatch}). The agent's sync uses this one.
     */
    public static CariClient forSite(String siteId, CariSettings settings, CariExchangeListener listener) {
        if (siteId == null || siteId.isBlank() || siteId.contains("/")) {
            throw new IllegalArgumentException("site id must be non-blank and without '/', got '" + siteId + "'");
        }
        return new CariClient(settings, listener, Clock.systemUTC(), siteId);
    }

    /** A client that logs every exchange through {@link LoggingExchangeListener}. */
    public static CariClient create(CariSettings settings) {
        return create(settings, new LoggingExchangeListener());
    }

    public static CariClient create(CariSettings settings, CariExchangeListener listener) {
        return new CariClient(settings, listener, Clock.systemUTC());
    }

    /** From the {@code cari} configuration node; see {@link CariSettings#from(Config)} for the keys. */
    public static CariClient fromConfig(Config cari) {
        return create(CariSettings.from(cari));
    }

    /** Checks the firma kodu and the token ({@code GET /baglanti-testi}). */
    public ConnectionInfo testConnection() throws CariException {
        return testConnection(CariCallContext.NONE);
    }

    public ConnectionInfo testConnection(CariCallContext context) throws CariException {
        return transport.exchange("GET", transport.url(CariWire.PATH_CONNECTION_TEST), null, context, body -> {
            CariWire.ConnectionTestResponse answer = CariJson.read(body, CariWire.ConnectionTestResponse.class);
            if (answer == null || !CariWire.CONNECTION_OK.equals(answer.durum())) {
                throw new IOException("durum is " + (answer == null ? null : answer.durum()) + ", not ok");
            }
            return new ConnectionInfo(answer.firmaKodu(), answer.firmaAdi());
        });
    }

    public CariCustomerRef createCustomer(CustomerRecord customer) throws CariException {
        return createCustomer(customer, CariCallContext.NONE);
    }

    /** {@code POST /cariler}. */
    public CariCustomerRef createCustomer(CustomerRecord customer, CariCallContext context) throws CariException {
        HttpUrl url = transport.url(CariWire.PATH_CUSTOMERS);
        return transport.exchange("POST", url, sendable("POST", url, () -> CariMapping.customer(customer)), context,
                CariClient::customerRef);
    }

    /**
     * {@code POST /cariler} with {@code content} in place of the mapped customer: what {@link #customerContent}
     * gave, as a shop's filter changed it. Its {@code dis_anahtar} is put back to the customer's key, by which the
     * customer is found again.
     */
    public CariCustomerRef createCustomer(CustomerRecord customer, ObjectNode content, CariCallContext context)
            throws CariException {
        HttpUrl url = transport.url(CariWire.PATH_CUSTOMERS);
        return transport.exchange("POST", url,
                sendable("POST", url, () -> FilteredContent.customerRequest(customer, content)), context,
                CariClient::customerRef);
    }

    public CariCustomerRef updateCustomer(String id, CustomerRecord customer) throws CariException {
        return updateCustomer(id, customer, CariCallContext.NONE);
    }

    /** {@code PUT /cariler/{id}}. */
    public CariCustomerRef updateCustomer(String id, CustomerRecord customer, CariCallContext context)
            throws CariException {
        HttpUrl url = transport.url(CariWire.PATH_CUSTOMERS, requireId(id, "customer id"));
        return transport.exchange("PUT", url, sendable("PUT", url, () -> CariMapping.customer(customer)), context,
                CariClient::customerRef);
    }

    /** {@code PUT /cariler/{id}} with content, as {@code createCustomer} with content (the key is put back). */
    public CariCustomerRef updateCustomer(String id, CustomerRecord customer, ObjectNode content,
                                          CariCallContext context) throws CariException {
        HttpUrl url = transport.url(CariWire.PATH_CUSTOMERS, requireId(id, "customer id"));
        return transport.exchange("PUT", url,
                sendable("PUT", url, () -> FilteredContent.customerRequest(customer, content)), context,
                CariClient::customerRef);
    }

    /**
     * The content of {@code cari} that {@link #createCustomer(CustomerRecord, CariCallContext)} would send, as a JSON
     * tree for a shop's filter to change; send the result with the methods taking content.
     */
    public ObjectNode customerContent(CustomerRecord customer) throws CariException {
        HttpUrl url = transport.url(CariWire.PATH_CUSTOMERS);
        return CariJson.tree(sendable("POST", url, () -> CariMapping.customer(customer)).customer());
    }

    public Optional<CariCustomerRef> findCustomer(String key) throws CariException {
        return findCustomer(key, CariCallContext.NONE);
    }

    /** {@code GET /cariler?dis_anahtar=}: the customer created earlier under our stable key, if any. */
    public Optional<CariCustomerRef> findCustomer(String key, CariCallContext context) throws CariException {
        HttpUrl url = transport.url(CariWire.PATH_CUSTOMERS).newBuilder()
                .addQueryParameter(CariWire.QUERY_CUSTOMER_KEY, requireId(key, "customer key"))
                .build();
        return transport.exchange("GET", url, null, context, body -> {
            CariWire.CustomerListResponse answer = CariJson.read(body, CariWire.CustomerListResponse.class);
            List<CariWire.IdOnly> found = answer.customers();
            if (found == null) {
                throw new IOException("cariler is missing");
            }
            return found.isEmpty() ? Optional.<CariCustomerRef>empty()
                    : Optional.of(new CariCustomerRef(requireAnswered(found.getFirst().id(), "cariler[].id")));
        });
    }

    public CariInvoiceRef createInvoice(Invoice invoice, String cariId) throws CariException {
        return createInvoice(invoice, cariId, CariCallContext.forOrder(invoice.orderId(), 0));
    }

    /**
     * {@code POST /faturalar}. When Cari already has this invoice number the exception's class is
     * {@link FailureClass#CONFLICT} and {@link CariException#existingInvoiceId()} holds the existing invoice's id.
     */
    public CariInvoiceRef createInvoice(Invoice invoice, String cariId, CariCallContext context)
            throws CariException {
        HttpUrl url = transport.url(CariWire.PATH_INVOICES);
        return postInvoice(url, sendable("POST", url, () -> CariMapping.invoice(invoice, cariId, key(invoice))), invoice,
                context);
    }

    /**
     * {@code POST /faturalar} with {@code content} in place of the mapped invoice: what {@link #invoiceContent} gave,
     * as a shop's filter changed it. Its {@code dis_anahtar}, {@code seri_no}, {@code sira_no} and {@code fatura_no}
     * are put back to the invoice's, which exactly-once depends on; money that is not a string with two decimals is not sent (a
     * permanent failure naming the field).
     */
    public CariInvoiceRef createInvoice(Invoice invoice, ObjectNode content, CariCallContext context)
            throws CariException {
        HttpUrl url = transport.url(CariWire.PATH_INVOICES);
        return postInvoice(url, sendable("POST", url,
                () -> FilteredContent.invoiceRequest(invoice, content, key(invoice))), invoice, context);
    }

    /** The content of {@code fatura} that {@link #createInvoice(Invoice, String, CariCallContext)} would send. */
    public ObjectNode invoiceContent(Invoice invoice, String cariId) throws CariException {
        HttpUrl url = transport.url(CariWire.PATH_INVOICES);
        return CariJson.tree(sendable("POST", url, () -> CariMapping.invoice(invoice, cariId, key(invoice))).invoice());
    }

    private CariInvoiceRef postInvoice(HttpUrl url, Object body, Invoice invoice, CariCallContext context)
            throws CariException {
        return transport.exchange("POST", url, body, context, answer -> {
            CariWire.InvoiceSummary created = CariJson.read(answer, CariWire.InvoiceResponse.class).invoice();
            if (created == null) {
                throw new IOException("fatura is missing");
            }
            return invoiceRef(created, invoice.number());
        });
    }

    public Optional<CariInvoice> findInvoice(String series, String number) throws CariException {
        return findInvoice(series, number, CariCallContext.NONE);
    }

    /** {@code GET /faturalar?seri_no=&fatura_no=}: after a crash, whether an invoice was created before it. */
    public Optional<CariInvoice> findInvoice(String series, String number, CariCallContext context)
            throws CariException {
        HttpUrl url = transport.url(CariWire.PATH_INVOICES).newBuilder()
                .addQueryParameter(CariWire.QUERY_INVOICE_SERIES, requireId(series, "series"))
                .addQueryParameter(CariWire.QUERY_INVOICE_NUMBER, requireId(number, "invoice number"))
                .build();
        return transport.exchange("GET", url, null, context, body -> {
            List<CariWire.InvoiceSummary> found = CariJson.read(body, CariWire.InvoiceListResponse.class).invoices();
            if (found == null) {
                throw new IOException("faturalar is missing");
            }
            return found.isEmpty() ? Optional.<CariInvoice>empty()
                    : Optional.of(invoice(found.getFirst(), "faturalar[]"));
        });
    }

    /** {@code GET /faturalar/{id}}: the invoice Cari holds, e.g. the one it named when it said "exists". */
    public CariInvoice readInvoice(String id, CariCallContext context) throws CariException {
        HttpUrl url = transport.url(CariWire.PATH_INVOICES, requireId(id, "invoice id"));
        return transport.exchange("GET", url, null, context, body -> {
            CariWire.InvoiceSummary invoice = CariJson.read(body, CariWire.InvoiceResponse.class).invoice();
            if (invoice == null) {
                throw new IOException("fatura is missing");
            }
            return invoice(invoice, "fatura");
        });
    }

    /**
     * Whether {@code existing} is the invoice this order meant to send as {@code content} (what
     * {@link #invoiceContent} gave, after any filter): the same shop and order ({@code dis_anahtar}), order number,
     * currency and totals per KDV rate. Empty when it is; else a text for a person, naming what differs and both
     * invoices' figures. Adopt an existing invoice only when this is empty.
     */
    public Optional<String> mismatch(Invoice invoice, ObjectNode content, CariInvoice existing) {
        ObjectNode ours = content.deepCopy();
        String key = key(invoice);
        if (key == null) {
            ours.remove("dis_anahtar");
        } else {
            ours.put("dis_anahtar", key);
        }
        CariWire.InvoiceSummary sent;
        try {
            sent = CariJson.treeToValue(ours, CariWire.InvoiceSummary.class);
        } catch (IOException unreadable) {
            return Optional.of("this order's invoice content cannot be read back: " + unreadable.getMessage());
        }
        return InvoiceMatch.mismatch(summaryOf(sent, existing.id()), existing);
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "CariClient[" + settings + "]";
    }

    CariTransport transport() {
        return transport;
    }

    /** The body {@code build} makes; data it refuses becomes a permanent failure before anything is sent. */
    private <T> T sendable(String method, HttpUrl url, Supplier<T> build) throws CariException {
        try {
            return build.get();
        } catch (IllegalArgumentException problem) {
            throw transport.unsendable(method, url, problem);
        }
    }

    private static CariCustomerRef customerRef(String body) throws IOException {
        CariWire.IdOnly customer = CariJson.read(body, CariWire.CustomerResponse.class).customer();
        if (customer == null) {
            throw new IOException("cari is missing");
        }
        return new CariCustomerRef(requireAnswered(customer.id(), "cari.id"));
    }

    /** {@code <site id>/<order id>}, or null for a client that speaks for no site. */
    private String key(Invoice invoice) {
        return siteId == null ? null : siteId + "/" + invoice.orderId();
    }

    private static CariInvoice invoice(CariWire.InvoiceSummary invoice, String field) throws IOException {
        requireAnswered(invoice.id(), field + ".id");
        return summaryOf(invoice, invoice.id());
    }

    /** Money Cari answered in a shape we cannot read is treated as absent: it then differs from ours. */
    private static CariInvoice summaryOf(CariWire.InvoiceSummary invoice, String id) {
        List<CariInvoice.Tax> taxes = invoice.kdvToplamlari() == null ? List.of() : invoice.kdvToplamlari().stream()
                .filter(java.util.Objects::nonNull)
                .map(t -> new CariInvoice.Tax(decimal(t.oran()), decimal(t.matrah()), decimal(t.tutar())))
                .toList();
        return new CariInvoice(id, invoice.disAnahtar(), invoice.seriNo(), invoice.faturaNo(), invoice.siparisNo(),
                invoice.paraBirimi(), decimal(invoice.araToplam()), taxes, decimal(invoice.kdvToplam()),
                decimal(invoice.genelToplam()));
    }

    private static java.math.BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new java.math.BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Cari may leave the number out of its answer; it is the one we sent or asked for. */
    private static CariInvoiceRef invoiceRef(CariWire.InvoiceSummary invoice, String numberWeKnow) throws IOException {
        String number = invoice.faturaNo() == null || invoice.faturaNo().isBlank() ? numberWeKnow : invoice.faturaNo();
        return new CariInvoiceRef(requireAnswered(invoice.id(), "fatura.id"), number);
    }

    private static String requireAnswered(String value, String field) throws IOException {
        if (value == null || value.isBlank()) {
            throw new IOException(field + " is missing");
        }
        return value;
    }

    private static String requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }
}
