package com.caricomtr.agent.woo;

/**
 * The Turkish tax identity a checkout plugin stored on the order, exactly as stored (not validated here: the
 * invoice mapping validates checksums so that it can name the order and the field).
 *
 * @param tckn      national id of an individual (11 digits when valid), empty when absent
 * @param vkn       tax number of a company (10 digits when valid), empty when absent
 * @param taxOffice vergi dairesi, empty when absent
 */
public record TaxIdentity(String tckn, String vkn, String taxOffice) {
    public static final TaxIdentity NONE = new TaxIdentity("", "", "");

    public TaxIdentity {
        tckn = tckn == null ? "" : tckn.strip();
        vkn = vkn == null ? "" : vkn.strip();
        taxOffice = taxOffice == null ? "" : taxOffice.strip();
    }
}
