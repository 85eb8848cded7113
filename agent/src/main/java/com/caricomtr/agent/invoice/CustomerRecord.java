package com.caricomtr.agent.invoice;

/**
 * A customer as it is created or updated in Cari, built from the order's billing data.
 *
 * @param key       stable key to reuse the Cari customer: the tax id when there is a real one, else the lower-cased
 *                  e-mail; never the placeholder TCKN (many people share it)
 * @param taxNumber TCKN (individual), VKN (company), or empty for a foreign buyer
 * @param taxOffice vergi dairesi, companies only
 */
public record CustomerRecord(String key,
                             CustomerType type,
                             String name,
                             String company,
                             String taxNumber,
                             String taxOffice,
                             String address,
                             String district,
                             String city,
                             String postcode,
                             String country,
                             String email,
                             String phone) {
}
