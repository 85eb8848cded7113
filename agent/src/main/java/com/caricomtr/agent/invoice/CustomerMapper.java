package com.caricomtr.agent.invoice;

import java.util.Locale;
import java.util.Objects;

import com.caricomtr.agent.woo.Address;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.TaxIdentity;

/**
 * The buyer of an order as a Cari customer, from the billing address and the Turkish tax identity meta.
 *
 * <ul>
 *     <li>Billing country other than the home country: {@link CustomerType#FOREIGN}. Turkish ids on such an order
 *     are ignored, not validated: the address decides the tax treatment (export, no KDV), and a foreign buyer
 *     has no TCKN/VKN to check. An empty billing country counts as the home country, because many Turkish shops
 *     hide the country field at checkout.</li>
 *     <li>A VKN: {@link CustomerType#COMPANY}. Sole proprietors use their TCKN as tax number, so an 11-digit valid
 *     TCKN in the VKN field is accepted too. A missing tax office is allowed: the VKN alone identifies the
 *     company at GİB, and a past order could never be fixed.</li>
 *     <li>Else {@link CustomerType#INDIVIDUAL} with the TCKN, or with {@link #PLACEHOLDER_TCKN} when none is given
 *     and the settings allow it.</li>
 * </ul>
 * Invalid ids fail with the field named ({@code billing.vkn}, {@code billing.tckn}); they are never replaced by the
 * placeholder silently.
 */
public final class CustomerMapper {
    /** What GİB accepts for an individual who gave no TCKN. Its checksum is invalid, see {@link TaxIds}. */
    public static final String PLACEHOLDER_TCKN = "11111111111";

    private final InvoiceSettings settings;

    public CustomerMapper(InvoiceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public CustomerRecord map(Order order) {
        Address billing = order.billing() == null ? Address.EMPTY : order.billing();
        TaxIdentity ids = order.taxIdentity() == null ? TaxIdentity.NONE : order.taxIdentity();
        String country = billing.country().isBlank() ? settings.homeCountry()
                : billing.country().strip().toUpperCase(Locale.ROOT);
        String email = billing.email().strip();
        if (!country.equals(settings.homeCountry())) {
            String name = firstNonBlank(billing.company(), billing.fullName());
            return record(billing, CustomerType.FOREIGN, requireName(order, name), "", "",
                    emailOrOrderKey(order, email), country, false);
        }
        String vkn = TaxIds.normalize(ids.vkn());
        if (!vkn.isEmpty()) {
            String key;
            if (TaxIds.isValidVkn(vkn)) {
                key = "vkn:" + vkn;
            } else if (TaxIds.isValidTckn(vkn)) {
                key = "tckn:" + vkn;
            } else {
                throw new MappingException(order.id(), "billing.vkn", "'" + ids.vkn()
                        + "' is not a valid VKN (10 digits with a correct check digit) nor a sole proprietor's TCKN");
            }
            String name = firstNonBlank(billing.company(), billing.fullName());
            return record(billing, CustomerType.COMPANY, requireName(order, name), vkn, ids.taxOffice(), key,
                    country, true);
        }
        String tckn = TaxIds.normalize(ids.tckn());
        String name = requireName(order, firstNonBlank(billing.fullName(), billing.company()));
        if (tckn.isEmpty() || tckn.equals(PLACEHOLDER_TCKN)) {
            if (!settings.allowPlaceholderTckn()) {
                throw new MappingException(order.id(), "billing.tckn", tckn.isEmpty()
                        ? "no TCKN or VKN given, and the placeholder " + PLACEHOLDER_TCKN + " is not allowed"
                        : "the placeholder " + PLACEHOLDER_TCKN + " is given, and it is not allowed");
            }
            return record(billing, CustomerType.INDIVIDUAL, name, PLACEHOLDER_TCKN, "",
                    emailOrOrderKey(order, email), country, false);
        }
        if (!TaxIds.isValidTckn(tckn)) {
            throw new MappingException(order.id(), "billing.tckn", "'" + ids.tckn()
                    + "' is not a valid TCKN (11 digits, not starting with 0, with correct check digits)");
        }
        return record(billing, CustomerType.INDIVIDUAL, name, tckn, "", "tckn:" + tckn, country, false);
    }

    private CustomerRecord record(Address billing, CustomerType type, String name, String taxNumber,
                                  String taxOffice, String key, String country, boolean withTaxOffice) {
        String address = (billing.address1().strip() + " " + billing.address2().strip()).strip();
        String district = "";
        String city = billing.city().strip();
        if (country.equals("TR")) {
            String state = billing.state().strip();
            String province = TurkishProvinces.byStateCode(state).orElse(state);
            if (!province.isEmpty() && !province.equalsIgnoreCase(city)) {
                district = city;
                city = province;
            }
        }
        return new CustomerRecord(key, type, name, billing.company().strip(), taxNumber, withTaxOffice ? taxOffice.strip() : "",
                address, district, city, billing.postcode().strip(), country, billing.email().strip(),
                billing.phone().strip());
    }

    /** Lower-cased with the root locale: in Turkish, "I" would become a dotless "ı" and split one buyer in two. */
    private static String emailOrOrderKey(Order order, String email) {
        return email.isEmpty() ? "order:" + order.id() : email.toLowerCase(Locale.ROOT);
    }

    private static String requireName(Order order, String name) {
        if (name.isEmpty()) {
            throw new MappingException(order.id(), "billing.first_name", "neither a name nor a company to invoice");
        }
        return name;
    }

    private static String firstNonBlank(String first, String second) {
        return !first.isBlank() ? first.strip() : second.strip();
    }
}
