package com.caricomtr.sandbox.validation;

/** Checksums of the Turkish identity number (TCKN) and tax number (VKN). */
public final class TaxIds {
    /** The TCKN that Turkish e-invoicing accepts for an individual who did not give theirs. */
    public static final String TCKN_PLACEHOLDER = "11111111111";

    private TaxIds() {
    }

    /** True for 11 digits, first digit not zero, both check digits correct. The placeholder does not pass. */
    public static boolean isValidTckn(String value) {
        if (value == null || !value.matches("[0-9]{11}") || value.charAt(0) == '0') {
            return false;
        }
        int[] d = digits(value);
        int odd = d[0] + d[2] + d[4] + d[6] + d[8];
        int even = d[1] + d[3] + d[5] + d[7];
        int tenth = Math.floorMod(odd * 7 - even, 10);
        if (d[9] != tenth) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += d[i];
        }
        return d[10] == sum % 10;
    }

    /** True for 10 digits whose last digit is the GİB check digit of the first nine. */
    public static boolean isValidVkn(String value) {
        if (value == null || !value.matches("[0-9]{10}")) {
            return false;
        }
        int[] d = digits(value);
        int sum = 0;
        for (int i = 1; i <= 9; i++) {
            int t = (d[i - 1] + 10 - i) % 10;
            int r;
            if (t == 9) {
                r = 9;
            } else {
                r = (t * (1 << (10 - i))) % 9;
                if (t != 0 && r == 0) {
                    r = 9;
                }
            }
            sum += r;
        }
        int check = (10 - sum % 10) % 10;
        return d[9] == check;
    }

    private static int[] digits(String value) {
        int[] d = new int[value.length()];
        for (int i = 0; i < d.length; i++) {
            d[i] = value.charAt(i) - '0';
        }
        return d;
    }
}
