package com.caricomtr.agent.invoice;

import java.util.List;
import java.util.Optional;

/**
 * WooCommerce stores a Turkish address's province as a state code ({@code TR34}) and the district in the city
 * field ({@code Kadıköy}); an invoice wants the province by name. Codes are the licence-plate numbers, as
 * WooCommerce's {@code i18n/states.php} has them; names are the official ones (WooCommerce still says "İçel" for
 * Mersin and "Afyon" for Afyonkarahisar).
 */
final class TurkishProvinces {
    private static final List<String> BY_PLATE = List.of(
            "Adana", "Adıyaman", "Afyonkarahisar", "Ağrı", "Amasya", "Ankara", "Antalya", "Artvin", "Aydın",
            "Balıkesir", "Bilecik", "Bingöl", "Bitlis", "Bolu", "Burdur", "Bursa", "Çanakkale", "Çankırı", "Çorum",
            "Denizli", "Diyarbakır", "Edirne", "Elazığ", "Erzincan", "Erzurum", "Eskişehir", "Gaziantep", "Giresun",
            "Gümüşhane", "Hakkari", "Hatay", "Isparta", "Mersin", "İstanbul", "İzmir", "Kars", "Kastamonu", "Kayseri",
            "Kırklareli", "Kırşehir", "Kocaeli", "Konya", "Kütahya", "Malatya", "Manisa", "Kahramanmaraş", "Mardin",
            "Muğla", "Muş", "Nevşehir", "Niğde", "Ordu", "Rize", "Sakarya", "Samsun", "Siirt", "Sinop", "Sivas",
            "Tekirdağ", "Tokat", "Trabzon", "Tunceli", "Şanlıurfa", "Uşak", "Van", "Yozgat", "Zonguldak", "Aksaray",
            "Bayburt", "Karaman", "Kırıkkale", "Batman", "Şırnak", "Bartın", "Ardahan", "Iğdır", "Yalova", "Karabük",
            "Kilis", "Osmaniye", "Düzce");

    private TurkishProvinces() {
    }

    /** The province of a WooCommerce state code {@code TR01}..{@code TR81}; empty for anything else. */
    static Optional<String> byStateCode(String state) {
        if (state == null || !state.matches("TR\\d{2}")) {
            return Optional.empty();
        }
        int plate = Integer.parseInt(state.substring(2));
        return plate >= 1 && plate <= BY_PLATE.size() ? Optional.of(BY_PLATE.get(plate - 1)) : Optional.empty();
    }
}
