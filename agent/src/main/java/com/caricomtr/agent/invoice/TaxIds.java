package com.caricomtr.agent.invoice;

/**
 * Checksums of Turkish tax ids.
 *
 * <p>Note on {@code 11111111111}, the placeholder shops and GİB use for "individual without a TCKN": its checksum
 * is <em>invalid</em> (d10 = (5·7 − 4) mod 10 = 1 matches, but d11 = 10 mod 10 = 0, not 1), so it must be
 * recognised by value ({@link CustomerMapper#PLACEHOLDER_TCKN}), never by {@link #isValidTckn}.
 */
public final class TaxIds {
    private TaxIds() {
    }

    /**
     * A T.C. Kimlik No: 11 digits, the first not 0; d10 = ((d1+d3+d5+d7+d9)·7 − (d2+d4+d6+d8)) mod 10 (a true
     * modulo: the difference may be negative); d11 = (d1+…+d10) mod 10.
     */
    public static boolean isValidTckn(String tckn) {
        if (!allDigits(tckn, 11) || tckn.charAt(0) == '0') {
            return false;
        }
        return tckn.substring(9).equals(tcknCheckDigits(tckn.substring(0, 9)));
    }

    /** The last two digits of the TCKN whose first nine digits are given. */
    public static String tcknCheckDigits(String first9) {
        int[] d = digits(first9);
        int odd = d[0] + d[2] + d[4] + d[6] + d[8];
        int even = d[1] + d[3] + d[5] + d[7];
        int tenth = Math.floorMod(odd * 7 - even, 10);
        int sum = tenth;
        for (int i = 0; i < 9; i++) {
            sum += d[i];
        }
        return "" + tenth + sum % 10;
    }

    /**
     * A Vergi Kimlik No: 10 digits. For digit d_i (i = 1..9 from the left): t = (d_i + 10 − i) mod 10; r = 9 when
     * t = 9, else (t · 2^(10−i)) mod 9, and 9 instead of 0 when t ≠ 0. The check digit is (10 − Σr mod 10) mod 10.
     */
    public static boolean isValidVkn(String vkn) {
        if (!allDigits(vkn, 10)) {
            return false;
        }
        return vkn.charAt(9) - '0' == vknCheckDigit(vkn.substring(0, 9));
    }

    /** The check digit of the VKN whose first nine digits are given. */
    public static int vknCheckDigit(String first9) {
        int[] d = digits(first9);
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
        return (10 - sum % 10) % 10;
    }

    /** Drops the spaces, dashes and dots people type into ids ({@code 123 456 789 50}). */
    public static String normalize(String id) {
        return id == null ? "" : id.replaceAll("[\\s.\\-]", "");
    }

    private static boolean allDigits(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int[] digits(String s) {
        int[] d = new int[s.length()];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.charAt(i) - '0';
        }
        return d;
    }
}
