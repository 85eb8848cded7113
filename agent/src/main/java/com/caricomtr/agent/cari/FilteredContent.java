package com.caricomtr.agent.cari;

import java.util.List;
import java.util.regex.Pattern;

import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.Invoice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body to send for content that someone other than {@link CariMapping} had a hand in: a shop's filter
 * ({@code caricomtr_customer_data}, {@code caricomtr_invoice_data}, docs/agent-api.md) may change anything, within
 * two limits.
 * <ul>
 *     <li>The fields the agent finds a record by again are put back to the agent's values: {@code dis_anahtar} of
 *     a customer (the customer is looked up and cached by it), {@code dis_anahtar}, {@code seri_no},
 *     {@code sira_no} and {@code fatura_no} of an invoice (its number is fixed before the first send, Cari refuses
 *     a second invoice of that number, a crashed send is looked up by it, and an existing invoice is adopted only
 *     when its {@code dis_anahtar} names this shop and order). A filter changing them could make a duplicate.</li>
 *     <li>Money must still be a string with exactly two decimals; otherwise nothing is sent and the problem names
 *     the field ({@link PayloadProblem}). Everything else is Cari's to judge.</li>
 * </ul>
 * Field names are those of {@link CariWire}'s records.
 */
final class FilteredContent {
    private static final Pattern MONEY = Pattern.compile("-?[0-9]+\\.[0-9]{2}");
    private static final List<String> INVOICE_MONEY = List.of("ara_toplam", "kdv_toplam", "genel_toplam");
    private static final List<String> LINE_MONEY = List.of("birim_fiyat", "tutar", "kdv_tutari", "toplam");
    private static final List<String> TAX_MONEY = List.of("matrah", "tutar");

    private FilteredContent() {
    }

    /** {@code {"cari": content}} with the customer's key put back. */
    static ObjectNode customerRequest(CustomerRecord customer, JsonNode content) {
        ObjectNode cari = copy(content, "cari");
        cari.put("dis_anahtar", customer.key());
        return wrap("cari", cari);
    }

    /**
     * {@code {"fatura": content}} with the invoice's key and number put back and its money checked.
     *
     * @param key the invoice's {@code dis_anahtar}, or null for a client that speaks for no site
     */
    static ObjectNode invoiceRequest(Invoice invoice, JsonNode content, String key) {
        ObjectNode fatura = copy(content, "fatura");
        if (key == null) {
            fatura.remove("dis_anahtar");
        } else {
            fatura.put("dis_anahtar", key);
        }
        fatura.put("seri_no", invoice.series());
        fatura.put("sira_no", invoice.sequence());
        fatura.put("fatura_no", invoice.number());
        requireMoney(fatura, "fatura", INVOICE_MONEY);
        requireEach(fatura, "fatura", "satirlar", LINE_MONEY);
        requireEach(fatura, "fatura", "kdv_toplamlari", TAX_MONEY);
        return wrap("fatura", fatura);
    }

    private static ObjectNode copy(JsonNode content, String field) {
        if (content == null || !content.isObject()) {
            throw new PayloadProblem(field, "must be a JSON object");
        }
        return ((ObjectNode) content).deepCopy();
    }

    private static ObjectNode wrap(String field, ObjectNode content) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set(field, content);
        return body;
    }

    /** Each element of the array {@code field} must be an object whose {@code money} fields are money. */
    private static void requireEach(ObjectNode parent, String path, String field, List<String> money) {
        JsonNode array = parent.get(field);
        String arrayPath = path + "." + field;
        if (array == null || !array.isArray()) {
            throw new PayloadProblem(arrayPath, "must be an array");
        }
        for (int i = 0; i < array.size(); i++) {
            String elementPath = arrayPath + "[" + i + "]";
            if (!array.get(i).isObject()) {
                throw new PayloadProblem(elementPath, "must be a JSON object");
            }
            requireMoney((ObjectNode) array.get(i), elementPath, money);
        }
    }

    private static void requireMoney(ObjectNode object, String path, List<String> fields) {
        for (String field : fields) {
            JsonNode value = object.get(field);
            if (value == null || !value.isTextual() || !MONEY.matcher(value.textValue()).matches()) {
                throw new PayloadProblem(path + "." + field, "must be money, a string with exactly two decimals such"
                        + " as \"12.50\"; got " + (value == null ? "nothing" : value.toString()));
            }
        }
    }
}
