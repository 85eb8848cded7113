package com.caricomtr.sandbox.web;

import java.util.List;
import java.util.Map;

import com.caricomtr.sandbox.json.Json;
import com.caricomtr.sandbox.validation.FieldError;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Cari-style error answers: {@code {"hata": {"kod", "mesaj", "alanlar": [...]}}}, {@code alanlar} always present. */
public final class ApiErrors {
    public static final String VALIDATION = "DOGRULAMA_HATASI";
    public static final String UNAUTHORIZED = "YETKISIZ";
    public static final String NOT_FOUND = "BULUNAMADI";
    public static final String INVOICE_EXISTS = "FATURA_MEVCUT";
    public static final String CUSTOMER_EXISTS = "CARI_MEVCUT";
    public static final String TOO_MANY_REQUESTS = "COK_FAZLA_ISTEK";
    public static final String SERVER_ERROR = "SUNUCU_HATASI";

    private ApiErrors() {
    }

    /** 400 for a body that cannot be read at all, 422 for one whose fields break the rules. */
    public static ApiException invalid(int status, String message, List<FieldError> fields) {
        return new ApiException(ApiResponse.of(status, body(VALIDATION, message, fields)));
    }

    public static ApiException badRequest(String message) {
        return invalid(400, message, List.of());
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(ApiResponse.of(401, body(UNAUTHORIZED, message, List.of())));
    }

    public static ApiException notFound(String message) {
        return new ApiException(ApiResponse.of(404, body(NOT_FOUND, message, List.of())));
    }

    public static ApiResponse invoiceExists(String existingId, String faturaNo) {
        ObjectNode body = body(INVOICE_EXISTS, "Bu fatura numarası ile kayıtlı bir fatura var",
                List.of(new FieldError("fatura.fatura_no", "\"" + faturaNo + "\" numarası " + existingId
                        + " faturasında kullanılmış")));
        ((ObjectNode) body.get("hata")).put("mevcut_id", existingId);
        return ApiResponse.of(409, body);
    }

    /** 409 for a customer whose {@code dis_anahtar} another customer of the company has; the same shape. */
    public static ApiResponse customerExists(String existingId, String disAnahtar) {
        ObjectNode body = body(CUSTOMER_EXISTS, "Bu dış anahtar ile kayıtlı bir cari var",
                List.of(new FieldError("cari.dis_anahtar", "\"" + disAnahtar + "\" anahtarı " + existingId
                        + " carisinde kullanılmış")));
        ((ObjectNode) body.get("hata")).put("mevcut_id", existingId);
        return ApiResponse.of(409, body);
    }

    public static ApiResponse tooManyRequests(int retryAfterSeconds) {
        return new ApiResponse(429,
                body(TOO_MANY_REQUESTS, "Çok fazla istek; " + retryAfterSeconds + " saniye sonra tekrar deneyin",
                        List.of()),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public static ApiResponse serverError(int status) {
        String message = switch (status) {
            case 502 -> "Ağ geçidi hatası";
            case 503 -> "Hizmet geçici olarak kullanılamıyor";
            case 504 -> "Ağ geçidi zaman aşımı";
            default -> "Sunucu hatası";
        };
        return ApiResponse.of(status, body(SERVER_ERROR, message, List.of()));
    }

    private static ObjectNode body(String code, String message, List<FieldError> fields) {
        ObjectNode root = Json.object();
        ObjectNode hata = root.putObject("hata");
        hata.put("kod", code);
        hata.put("mesaj", message);
        ArrayNode alanlar = hata.putArray("alanlar");
        for (FieldError field : fields) {
            alanlar.addObject().put("alan", field.alan()).put("mesaj", field.mesaj());
        }
        return root;
    }
}
