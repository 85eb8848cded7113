package com.caricomtr.agent.cari;

/** What the connection test says about the account. The firma kodu is a secret for logging: toString masks it. */
public record ConnectionInfo(String firmaKodu, String firmaAdi) {
    @Override
    public String toString() {
        return "ConnectionInfo[firmaKodu=" + Masker.mask(firmaKodu) + ", firmaAdi=" + firmaAdi + "]";
    }
}
