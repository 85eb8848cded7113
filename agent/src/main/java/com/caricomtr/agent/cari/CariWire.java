package com.caricomtr.agent.cari;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Every name Cari puts on the wire, in one place: paths, query parameters, headers, codes and the JSON shapes.
 * Component order is the order of docs/cari-api.md, so that what we send reads like the document.
 */
final class CariWire {
    static final String PATH_CONNECTION_TEST = "baglanti-testi";
    static final String PATH_CUSTOMERS = "cariler";
    static final String PATH_INVOICES = "faturalar";

    static final String QUERY_CUSTOMER_KEY = "dis_anahtar";
    static final String QUERY_INVOICE_SERIES = "seri_no";
    static final String QUERY_INVOICE_NUMBER = "fatura_no";

    static final String HEADER_FIRMA_KODU = "X-Firma-Kodu";
    static final String HEADER_AUTHORIZATION = "Authorization";
    static final String HEADER_RETRY_AFTER = "Retry-After";
    static final String BEARER_PREFIX = "Bearer ";
    static final String JSON_MEDIA_TYPE = "application/json; charset=utf-8";

    static final String CONNECTION_OK = "ok";
    static final String CODE_INVOICE_EXISTS = "FATURA_MEVCUT";
    static final String CODE_CUSTOMER_EXISTS = "CARI_MEVCUT";

    static final String CUSTOMER_INDIVIDUAL = "gercek";
    static final String CUSTOMER_COMPANY = "tuzel";
    static final String CUSTOMER_FOREIGN = "yabanci";

    static final String LINE_PRODUCT = "urun";
    static final String LINE_SHIPPING = "kargo";
    static final String LINE_FEE = "ucret";

    private CariWire() {
    }

    // ---- what we send ----

    record CustomerRequest(@JsonProperty("cari") Customer customer) {
    }

    record Customer(@JsonProperty("dis_anahtar") String disAnahtar,
                    @JsonProperty("tur") String tur,
                    @JsonProperty("unvan") String unvan,
                    @JsonProperty("ad_soyad") String adSoyad,
                    @JsonProperty("vergi_no") String vergiNo,
                    @JsonProperty("tc_kimlik_no") String tcKimlikNo,
                    @JsonProperty("vergi_dairesi") String vergiDairesi,
                    @JsonProperty("adres") String adres,
                    @JsonProperty("ilce") String ilce,
                    @JsonProperty("il") String il,
                    @JsonProperty("posta_kodu") String postaKodu,
                    @JsonProperty("ulke") String ulke,
                    @JsonProperty("telefon") String telefon,
                    @JsonProperty("eposta") String eposta) {
    }

    record InvoiceRequest(@JsonProperty("fatura") Invoice invoice) {
    }

    /**
     * {@code dis_anahtar} names the shop and order the invoice is for ({@code <site id>/<order id>}), so that an
     * agent told "this number exists" can tell its own invoice from another shop's; left out when the client speaks
     * for no site.
     */
    record Invoice(@JsonProperty("dis_anahtar") @JsonInclude(JsonInclude.Include.NON_NULL) String disAnahtar,
                   @JsonProperty("seri_no") String seriNo,
                   @JsonProperty("sira_no") long siraNo,
                   @JsonProperty("fatura_no") String faturaNo,
                   @JsonProperty("tarih") String tarih,
                   @JsonProperty("para_birimi") String paraBirimi,
                   @JsonProperty("doviz_kuru") String dovizKuru,
                   @JsonProperty("cari_id") String cariId,
                   @JsonProperty("siparis_no") String siparisNo,
                   @JsonProperty("aciklama") String aciklama,
                   @JsonProperty("satirlar") List<Line> satirlar,
                   @JsonProperty("ara_toplam") String araToplam,
                   @JsonProperty("kdv_toplamlari") List<TaxTotal> kdvToplamlari,
                   @JsonProperty("kdv_toplam") String kdvToplam,
                   @JsonProperty("genel_toplam") String genelToplam) {
    }

    record Line(@JsonProperty("tur") String tur,
                @JsonProperty("ad") String ad,
                @JsonProperty("stok_kodu") String stokKodu,
                @JsonProperty("miktar") String miktar,
                @JsonProperty("birim_fiyat") String birimFiyat,
                @JsonProperty("kdv_orani") String kdvOrani,
                @JsonProperty("tutar") String tutar,
                @JsonProperty("kdv_tutari") String kdvTutari,
                @JsonProperty("toplam") String toplam) {
    }

    record TaxTotal(@JsonProperty("oran") String oran,
                    @JsonProperty("matrah") String matrah,
                    @JsonProperty("tutar") String tutar) {
    }

    // ---- what we read; unknown fields are ignored so that Cari may add to its answers ----

    record ConnectionTestResponse(@JsonProperty("durum") String durum,
                                  @JsonProperty("firma_kodu") String firmaKodu,
                                  @JsonProperty("firma_adi") String firmaAdi) {
    }

    record CustomerResponse(@JsonProperty("cari") IdOnly customer) {
    }

    record CustomerListResponse(@JsonProperty("cariler") List<IdOnly> customers) {
    }

    record IdOnly(@JsonProperty("id") String id) {
    }

    record InvoiceResponse(@JsonProperty("fatura") InvoiceSummary invoice) {
    }

    record InvoiceListResponse(@JsonProperty("faturalar") List<InvoiceSummary> invoices) {
    }

    /** An invoice as Cari answers it; every field but {@code id} may be absent from a create's answer. */
    record InvoiceSummary(@JsonProperty("id") String id,
                          @JsonProperty("dis_anahtar") String disAnahtar,
                          @JsonProperty("seri_no") String seriNo,
                          @JsonProperty("fatura_no") String faturaNo,
                          @JsonProperty("siparis_no") String siparisNo,
                          @JsonProperty("para_birimi") String paraBirimi,
                          @JsonProperty("ara_toplam") String araToplam,
                          @JsonProperty("kdv_toplamlari") List<TaxTotal> kdvToplamlari,
                          @JsonProperty("kdv_toplam") String kdvToplam,
                          @JsonProperty("genel_toplam") String genelToplam) {
    }

    record ErrorResponse(@JsonProperty("hata") Error error) {
    }

    record Error(@JsonProperty("kod") String kod,
                 @JsonProperty("mesaj") String mesaj,
                 @JsonProperty("alanlar") List<FieldError> alanlar,
                 @JsonProperty("mevcut_id") String mevcutId) {
    }

    record FieldError(@JsonProperty("alan") String alan,
                      @JsonProperty("mesaj") String mesaj) {
    }
}
