package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.caricomtr.agent.woo.Order;

/**
 * Maps a WooCommerce order to the invoice the agent sends to Cari, correct to the kuruş (see
 * {@link Reconciliation} for how amounts are rounded) and with its invoice number.
 *
 * <p>Everything is checked before a number is allocated, so an order that fails to map never takes a number from
 * a gapless series.
 *
 * <p>Refunds are not mapped: the invoice is always the original order, also when the order is (fully) refunded,
 * because a Turkish invoice is never changed after issue; WooCommerce refunds
 * ({@link Order#refunds()}) are for a later credit note ("iade faturası"). TODO: map {@code Refund}s to credit
 * notes referencing this invoice's number.
 *
 * <p>The mapper does not decide which orders to invoice (status, zero totals): that is the sync's policy.
 */
public final class InvoiceMapper {
    private static final Pattern ORDER_NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final InvoiceSettings settings;
    private final InvoiceNumberAllocator allocator;
    private final ExchangeRates exchangeRates;
    private final CustomerMapper customers;

    /** A mapper for {@link NumberingStrategy#ORDER_NUMBER} without exchange rates. */
    public InvoiceMapper(InvoiceSettings settings) {
        this(settings, InvoiceNumberAllocator.NONE, ExchangeRates.NONE);
    }

    public InvoiceMapper(InvoiceSettings settings, InvoiceNumberAllocator allocator, ExchangeRates exchangeRates) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.exchangeRates = Objects.requireNonNull(exchangeRates, "exchangeRates");
        if (settings.numbering() == NumberingStrategy.GAPLESS_COUNTER && allocator == InvoiceNumberAllocator.NONE) {
            throw new IllegalArgumentException("GAPLESS_COUNTER numbering needs an InvoiceNumberAllocator");
        }
        this.customers = new CustomerMapper(settings);
    }

    /**
     * The invoice of {@code order}, issued on the day the order was created in the shop's time zone: derived from
     * the order, so that every retry produces the same invoice.
     *
     * @throws MappingException         when the order's data cannot make a correct invoice
     * @throws NumberAllocationException when the gapless counter cannot be reached
     */
    public Invoice map(Order order) {
        return map(order, settings.series());
    }

    /**
     * As {@link #map(Order)}, numbered in {@code series} instead of the configured one (a shop's own choice per
     * order). The caller checks the series ({@link InvoiceNumberFormat#isSeries}); a gapless number comes from that
     * series' counter, unless the order was assigned one before, which it keeps.
     */
    public Invoice map(Order order, String series) {
        Objects.requireNonNull(order, "order");
        if (order.createdAt() == null) {
            throw new MappingException(order.id(), "date_created", "missing, so the invoice date is unknown");
        }
        return map(order, order.createdAt().atZone(settings.zone()).toLocalDate(), Objects.requireNonNull(series));
    }

    /** As {@link #map(Order)}, issued on {@code issueDate} (which also gives a GİB number its year). */
    public Invoice map(Order order, LocalDate issueDate) {
        return map(order, issueDate, settings.series());
    }

    private Invoice map(Order order, LocalDate issueDate, String series) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(issueDate, "issueDate");
        Checked checked = check(order);
        BigDecimal exchangeRate = checked.currency().equals(settings.homeCurrency()) ? null
                : exchangeRates.toTry(checked.currency(), issueDate).orElse(null);
        InvoiceNumberAssignment assignment = number(order, issueDate, series);
        String number = format(assignment);
        Reconciliation.Result amounts = checked.amounts();
        return new Invoice(order.id(), order.number(), assignment.series(), assignment.sequence(), number, issueDate,
                checked.currency(), exchangeRate, checked.customer(), amounts.lines(), amounts.subtotal(),
                amounts.taxes(), amounts.taxTotal(), amounts.grandTotal(), "WooCommerce sipariş #" + order.number());
    }

    private record Checked(String currency, CustomerRecord customer, Reconciliation.Result amounts) {
    }

    /** Everything that depends on the order alone; no side effects. */
    private Checked check(Order order) {
        try {
            String currency = currency(order);
            if (order.totals() == null) {
                throw new MappingException(order.id(), "total", "missing");
            }
            OrderTaxRates rates = OrderTaxRates.of(order);
            List<DraftLine> drafts = DraftLines.of(order, rates);
            Reconciliation.Result amounts = Reconciliation.reconcile(order.id(), drafts, rates, order.totals().total());
            CustomerRecord customer = customers.map(order);
            if (settings.numbering() == NumberingStrategy.ORDER_NUMBER) {
                sequenceOfOrderNumber(order);
            }
            return new Checked(currency, customer, amounts);
        } catch (MappingException e) {
            throw e;
        } catch (RuntimeException e) {
            // Data the reader should never produce (nulls deep inside, absurd scales): still this order's problem.
            throw new MappingException(order.id(), "order", "cannot be mapped: " + e, e);
        }
    }

    private InvoiceNumberAssignment number(Order order, LocalDate issueDate, String series) {
        return switch (settings.numbering()) {
            case ORDER_NUMBER -> new InvoiceNumberAssignment(order.id(), series, issueDate.getYear(),
                    sequenceOfOrderNumber(order));
            // The stored assignment wins over today's settings: a number once given is never changed.
            case GAPLESS_COUNTER -> allocator.allocate(order.id(), series, issueDate.getYear());
        };
    }

    private String format(InvoiceNumberAssignment assignment) {
        try {
            return settings.gibStyleNumber()
                    ? InvoiceNumberFormat.gib(assignment.series(), assignment.year(), assignment.sequence())
                    : InvoiceNumberFormat.plain(assignment.series(), assignment.sequence());
        } catch (IllegalArgumentException e) {
            // Only a stored assignment from before a settings change can get here; it must not be renumbered.
            throw new NumberAllocationException("order " + assignment.orderId() + " was numbered " + assignment
                    + ", which the current number format cannot print: " + e.getMessage(), e);
        }
    }

    private long sequenceOfOrderNumber(Order order) {
        String number = order.number() == null ? "" : order.number().strip();
        if (!ORDER_NUMBER.matcher(number).matches()) {
            throw new MappingException(order.id(), "number", "order number '" + number + "' is not a plain number;"
                    + " use GAPLESS_COUNTER numbering with custom order numbers");
        }
        long sequence = Long.parseLong(number);
        long max = settings.gibStyleNumber() ? InvoiceNumberFormat.GIB_MAX_SEQUENCE : Long.MAX_VALUE;
        if (sequence < 1 || sequence > max) {
            throw new MappingException(order.id(), "number", "order number " + number + " is outside 1.." + max
                    + ", the sequences an invoice number can hold");
        }
        return sequence;
    }

    private static String currency(Order order) {
        String currency = order.currency() == null ? "" : order.currency().strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new MappingException(order.id(), "currency", "'" + order.currency()
                    + "' is not an ISO 4217 currency code");
        }
        return currency;
    }
}
