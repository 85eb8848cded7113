package com.caricomtr.agent.demo;

import java.util.random.RandomGenerator;

/**
 * Check digits of the two Turkish tax identities: the 11-digit T.C. Kimlik No (TCKN) of a person and the 10-digit
 * Vergi Kimlik No (VKN) of a company. The demo shop only hands out numbers that pass these checks.
 */
public final class TurkishTaxNumbers {
    private TurkishTaxNumbers() {
    }

    /**
     * TCKN rule: 11 digits, first not 0; d10 = ((d1+d3+d5+d7+d9)*7 - (d2+d4+d6+d8)) mod 10 (taken non-negative);
     * d11 = (d1+...+d10) mod 10.
     */
    public static boolean isValidTckn(String value) {
        if (value == null || !value.matches("[0-9]{11}") || value.charAt(0) == '0') {
            return false;
        }
        int[] d = digits(value);
        return d[9] == tcknTenth(d) && d[10] == tcknEleventh(d);
    }

    /**
     * VKN rule (Gelir İdaresi): for the first nine digits d(i), i = 1..9, t = (d(i) + 10 - i) mod 10; when t is not 0
     * add (t * 2^(10-i)) mod 9, counting a result of 0 as 9; the tenth digit is (10 - sum mod 10) mod 10.
     */
    public static boolean isValidVkn(String value) {
        if (value == null || !value.matches("[0-9]{10}")) {
            return false;
        }
        int[] d = digits(value);
        return d[9] == vknCheckDigit(d);
    }

    /** A random valid TCKN. */
    public static String randomTckn(RandomGenerator random) {
        int[] d = new int[11];
        d[0] = 1 + random.nextInt(9);
        for (int i = 1; i < 9; i++) {
            d[i] = random.nextInt(10);
        }
        d[9] = tcknTenth(d);
        d[10] = tcknEleventh(d);
        return join(d);
    }

    /** A random valid VKN. */
    public static String randomVkn(RandomGenerator random) {
        int[] d = new int[10];
        for (int i = 0; i < 9; i++) {
            d[i] = random.nextInt(10);
        }
        d[9] = vknCheckDigit(d);
        return join(d);
    }

    private static int tcknTenth(int[] d) {
        int odd = d[0] + d[2] + d[4] + d[6] + d[8];
        int even = d[1] + d[3] + d[5] + d[7];
        return Math.floorMod(odd * 7 - even, 10);
    }

    private static int tcknEleventh(int[] d) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += d[i];
        }
        return sum % 10;
    }

    private static int vknCheckDigit(int[] d) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int t = (d[i] + 9 - i) % 10;
            if (t != 0) {
                int v = (t * (1 << (9 - i))) % 9;
                sum += v == 0 ? 9 : v;
            }
        }
        return (10 - sum % 10) % 10;
    }

    private static int[] digits(String value) {
        return value.chars().map(c -> c - '0').toArray();
    }

    private static String join(int[] d) {
        StringBuilder s = new StringBuilder(d.length);
        for (int digit : d) {
            s.append(digit);
        }
        return s.toString();
    }
}
