package com.caricomtr.sandbox.web;

import java.util.Optional;

import com.caricomtr.sandbox.store.Companies;
import com.caricomtr.sandbox.store.Company;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** Checks {@code X-Firma-Kodu} and {@code Authorization: Bearer <token>} against the configured companies. */
public final class Authenticator {
    public static final HeaderName FIRMA_KODU = HeaderNames.create("X-Firma-Kodu");
    private static final String BEARER = "bearer ";

    private final Companies companies;

    public Authenticator(Companies companies) {
        this.companies = companies;
    }

    public Company authenticate(ServerRequest request) throws ApiException {
        Optional<String> firmaKodu = request.headers().first(FIRMA_KODU).map(String::trim).filter(s -> !s.isEmpty());
        if (firmaKodu.isEmpty()) {
            throw ApiErrors.unauthorized("X-Firma-Kodu başlığı eksik");
        }
        Optional<String> authorization = request.headers().first(HeaderNames.AUTHORIZATION);
        // The scheme name is case-insensitive (RFC 9110); the token is not.
        if (authorization.isEmpty() || authorization.get().length() <= BEARER.length()
                || !authorization.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiErrors.unauthorized("Authorization: Bearer <API anahtarı> başlığı eksik");
        }
        String token = authorization.get().substring(BEARER.length()).trim();
        return companies.authenticate(firmaKodu.get(), token)
                .orElseThrow(() -> ApiErrors.unauthorized("Firma kodu veya API anahtarı geçersiz"));
    }
}
