package com.caricomtr.agent.woo;

/**
 * A billing or shipping address as WooCommerce stores it. Absent fields are empty strings, never null, so that
 * orders read from HPOS (NULL columns) and from posts (missing meta rows) compare equal.
 */
public record Address(String firstName,
                      String lastName,
                      String company,
                      String address1,
                      String address2,
                      String city,
                      String state,
                      String postcode,
                      String country,
                      String email,
                      String phone) {

    public static final Address EMPTY = new Address("", "", "", "", "", "", "", "", "", "", "");

    public Address {
        firstName = nz(firstName);
        lastName = nz(lastName);
        company = nz(company);
        address1 = nz(address1);
        address2 = nz(address2);
        city = nz(city);
        state = nz(state);
        postcode = nz(postcode);
        country = nz(country);
        email = nz(email);
        phone = nz(phone);
    }

    public boolean isEmpty() {
        return this.equals(EMPTY);
    }

    public String fullName() {
        return (firstName + " " + lastName).strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
