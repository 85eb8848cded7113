package com.caricomtr.agent.demo;

import java.util.random.RandomGenerator;

import com.caricomtr.agent.invoice.TaxIds;

/**
 * Valid Turkish tax identities for the demo shop: the 11-digit T.C. Kimlik No (TCKN) of a person and the 10-digit
 * Vergi Kimlik No (VKN) of a company. The check digits are those the invoice mapping validates ({@link TaxIds}).
 */
public final class TurkishTaxNumbers {
    private TurkishTaxNumbers() {
    }

    public static boolean isValidTckn(String value) {
        return TaxIds.isValidTckn(value);
    }

    public static boolean isValidVkn(String value) {
        return TaxIds.isValidVkn(value);
    }

    /** A random valid TCKN. */
    public static String randomTckn(RandomGenerator random) {
        String first9 = (1 + random.nextInt(9)) + digits(random, 8);
        return first9 + TaxIds.tcknCheckDigits(first9);
    }

    /** A random valid VKN. */
    public static String randomVkn(RandomGenerator random) {
        String first9 = digits(random, 9);
        return first9 + TaxIds.vknCheckDigit(first9);
    }

    private static String digits(RandomGenerator random, int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }
}
