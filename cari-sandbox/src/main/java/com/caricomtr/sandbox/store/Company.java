package com.caricomtr.sandbox.store;

import java.util.Objects;

/** A Cari account: the firma kodu a client sends, its API token and its display name. */
public record Company(String firmaKodu, String token, String name) {
    public static final Company DEMO = new Company("DEMO", "demo-token", "Demo Ltd.");

    public Company {
        Objects.requireNonNull(firmaKodu, "firmaKodu");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(name, "name");
        if (firmaKodu.isBlank() || token.isBlank()) {
            throw new IllegalArgumentException("A company needs a non-blank firma kodu and token");
        }
    }

    /** The contract treats firma kodu and token as secrets in logs: first two characters, then {@code ****}. */
    public static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        return (secret.length() <= 2 ? secret : secret.substring(0, 2)) + "****";
    }

    @Override
    public String toString() {
        return "Company[firmaKodu=" + firmaKodu + ", token=" + mask(token) + ", name=" + name + "]";
    }
}
