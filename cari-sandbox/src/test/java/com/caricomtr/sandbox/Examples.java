package com.caricomtr.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.caricomtr.sandbox.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Payloads from docs/cari-api.md, and variations of them. Each call returns a fresh copy to change freely. */
final class Examples {
    /** The customer example of docs/cari-api.md, verbatim. */
    static final String DOC_CUSTOMER = """
            {
              "cari": {
                "dis_anahtar": "vkn:6789123457",
                "tur": "tuzel",
                "unvan": "Öztürk Gıda Ltd. Şti.",
                "ad_soyad": "Mehmet Öztürk",
                "vergi_no": "6789123457",
                "tc_kimlik_no": "",
                "vergi_dairesi": "Çankaya Vergi Dairesi",
                "adres": "Atatürk Bulvarı No:45 Kat 3",
                "ilce": "Çankaya",
                "il": "TR06",
                "posta_kodu": "06420",
                "ulke": "TR",
                "telefon": "0312 444 55 66",
                "eposta": "mehmet.ozturk@example.test"
              }
            }
            """;

    /**
     * The invoice example of docs/cari-api.md, verbatim: every printed total holds (316.50 + 340.73 = 657.23,
     * 63.30 + 68.15 = 131.45, 657.23 × 20% = 131.446 ≈ 131.45).
     */
    static final String DOC_INVOICE = """
            {
              "fatura": {
                "seri_no": "WOO",
                "sira_no": 42,
                "fatura_no": "WOO2025000000042",
                "tarih": "2025-01-07",
                "para_birimi": "TRY",
                "doviz_kuru": null,
                "cari_id": "C000001",
                "siparis_no": "32",
                "aciklama": "WooCommerce sipariş #32",
                "satirlar": [
                  {
                    "tur": "urun",
                    "ad": "Türk Kahvesi 250 g",
                    "stok_kodu": "TK-250",
                    "miktar": "2",
                    "birim_fiyat": "158.25",
                    "kdv_orani": "20",
                    "tutar": "316.50",
                    "kdv_tutari": "63.30",
                    "toplam": "379.80"
                  },
                  {
                    "tur": "urun",
                    "ad": "Lokum Çeşitleri 500 g",
                    "stok_kodu": "LK-500",
                    "miktar": "1",
                    "birim_fiyat": "340.73",
                    "kdv_orani": "20",
                    "tutar": "340.73",
                    "kdv_tutari": "68.15",
                    "toplam": "408.88"
                  }
                ],
                "ara_toplam": "657.23",
                "kdv_toplamlari": [
                  { "oran": "20", "matrah": "657.23", "tutar": "131.45" }
                ],
                "kdv_toplam": "131.45",
                "genel_toplam": "788.68"
              }
            }
            """;

    private Examples() {
    }

    static ObjectNode docCustomer() {
        return parse(DOC_CUSTOMER);
    }

    static ObjectNode docInvoice() {
        return parse(DOC_INVOICE);
    }

    /** The doc's invoice, a fresh copy each time. */
    static ObjectNode invoice() {
        return docInvoice();
    }

    /** {@link #invoice()} numbered {@code WOO2025<9-digit sira>} for order {@code siparisNo}. */
    static ObjectNode invoice(long siraNo, String siparisNo) {
        ObjectNode body = invoice();
        ObjectNode fatura = fatura(body);
        fatura.put("sira_no", siraNo);
        fatura.put("fatura_no", String.format("WOO2025%09d", siraNo));
        fatura.put("siparis_no", siparisNo);
        return body;
    }

    static ObjectNode fatura(ObjectNode body) {
        return (ObjectNode) body.get("fatura");
    }

    static ObjectNode line(ObjectNode body, int index) {
        return (ObjectNode) body.get("fatura").get("satirlar").get(index);
    }

    static ObjectNode cari(ObjectNode body) {
        return (ObjectNode) body.get("cari");
    }

    /** An individual with the given TCKN. */
    static ObjectNode individual(String tckn) {
        ObjectNode body = Json.object();
        body.putObject("cari")
                .put("dis_anahtar", "tckn:" + tckn)
                .put("tur", "gercek")
                .put("ad_soyad", "Ayşe Yılmaz")
                .put("tc_kimlik_no", tckn)
                .put("vergi_no", "")
                .put("adres", "Kızılay Mah. 12")
                .put("ilce", "Çankaya")
                .put("il", "TR06")
                .put("posta_kodu", "06420")
                .put("ulke", "TR")
                .put("telefon", "")
                .put("eposta", "ayse@example.test");
        return body;
    }

    /** A foreign buyer: no Turkish tax id. */
    static ObjectNode foreigner() {
        ObjectNode body = Json.object();
        body.putObject("cari")
                .put("dis_anahtar", "eposta:john@example.test")
                .put("tur", "yabanci")
                .put("ad_soyad", "John Smith")
                .put("vergi_no", "DE123456789")
                .put("ulke", "DE")
                .put("eposta", "john@example.test");
        return body;
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
