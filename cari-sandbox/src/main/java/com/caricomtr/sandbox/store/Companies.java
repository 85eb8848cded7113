package com.caricomtr.sandbox.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The companies the sandbox answers for, fixed at start. */
public final class Companies {
    private final Map<String, Company> byCode = new LinkedHashMap<>();

    public Companies(List<Company> companies) {
        for (Company company : companies) {
            if (byCode.putIfAbsent(company.firmaKodu(), company) != null) {
                throw new IllegalArgumentException("Firma kodu configured twice: " + company.firmaKodu());
            }
        }
        if (byCode.isEmpty()) {
            throw new IllegalArgumentException("At least one company is needed");
        }
    }

    /** The company whose firma kodu and token both match; the token is compared in constant time. */
    public Optional<Company> authenticate(String firmaKodu, String token) {
        Company company = byCode.get(firmaKodu);
        if (company == null) {
            return Optional.empty();
        }
        boolean same = MessageDigest.isEqual(company.token().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(company) : Optional.empty();
    }

    public List<Company> all() {
        return List.copyOf(byCode.values());
    }
}
