package com.caricomtr.agent.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

import com.caricomtr.agent.woo.Address;

/**
 * Made-up Turkish (and a few German) buyers: names and districts with ş ğ ı İ ç ö ü, valid TCKN/VKN, the occasional
 * emoji and the occasional absurdly long address. E-mail addresses use the reserved {@code example.test} domain.
 */
final class DemoPeople {
    private static final List<String> FIRST_NAMES = List.of("Ayşe", "Mehmet", "Zeynep", "İsmail", "Oğuz", "Elif",
            "Mustafa", "Fatma", "Emine", "Hüseyin", "Çağla", "Gökhan", "Şule", "Özge", "Ümit", "Büşra", "İrem", "Kübra",
            "Tuğba", "Çağrı", "Barış", "Gülşen", "Ömer", "Sıla", "Yağmur", "Doğan", "Ilgın", "Işıl", "Şükrü", "Gönül",
            "Cem", "Deniz", "Ebru", "Hakan", "Murat", "Selin", "Burak", "Derya", "Ahmet", "Nazlı");
    private static final List<String> LAST_NAMES = List.of("Yılmaz", "Öztürk", "Çelik", "Güneş", "Şahin", "Kaya",
            "Demir", "Arslan", "Doğan", "Kılıç", "Aydın", "Özdemir", "Yıldız", "Yıldırım", "Aktaş", "Çetin", "Kara",
            "Koç", "Kurt", "Özkan", "Şimşek", "Polat", "Erdoğan", "Güler", "Tekin", "Ünal", "Karaoğlu", "Işık", "Bulut",
            "Ağaoğlu");
    private static final List<String> COMPANY_KINDS = List.of("Gıda Ltd. Şti.", "Tekstil San. ve Tic. A.Ş.",
            "Yazılım A.Ş.", "Mimarlık Ltd. Şti.", "Kırtasiye Tic. Ltd. Şti.", "Turizm A.Ş.", "Lojistik Ltd. Şti.",
            "Kuruyemiş ve Şekerleme Ltd. Şti.");
    private static final List<String> REGIONS = List.of("Anadolu", "Ege", "Karadeniz", "Boğaziçi", "Marmara", "Toros",
            "Çukurova", "Kapadokya");
    private static final List<String> STREETS = List.of("Bağdat Caddesi", "Atatürk Bulvarı", "İstiklal Caddesi",
            "Moda Caddesi", "Lara Caddesi", "Kıbrıs Şehitleri Caddesi", "Barbaros Bulvarı", "Şehit Öğretmen Sokak",
            "Çarşı Caddesi", "İnönü Caddesi", "Gazi Mustafa Kemal Bulvarı", "Fevzi Çakmak Caddesi", "Yıldız Sokak",
            "Menekşe Sokak", "Cumhuriyet Mahallesi, Gül Sokak", "Hürriyet Mahallesi, Çınar Sokak");
    private static final List<District> DISTRICTS = List.of(
            new District("Kadıköy", "TR34", "34710", "0216"), new District("Beşiktaş", "TR34", "34353", "0212"),
            new District("Üsküdar", "TR34", "34664", "0216"), new District("Şişli", "TR34", "34381", "0212"),
            new District("Beyoğlu", "TR34", "34433", "0212"), new District("Bakırköy", "TR34", "34142", "0212"),
            new District("Çankaya", "TR06", "06420", "0312"), new District("Keçiören", "TR06", "06280", "0312"),
            new District("Konak", "TR35", "35250", "0232"), new District("Karşıyaka", "TR35", "35540", "0232"),
            new District("Nilüfer", "TR16", "16110", "0224"), new District("Osmangazi", "TR16", "16050", "0224"),
            new District("Muratpaşa", "TR07", "07230", "0242"), new District("Ortahisar", "TR61", "61030", "0462"),
            new District("Tepebaşı", "TR26", "26130", "0222"), new District("Şahinbey", "TR27", "27010", "0342"),
            new District("Afyonkarahisar", "TR03", "03200", "0272"), new District("Bodrum", "TR48", "48400", "0252"),
            new District("Melikgazi", "TR38", "38030", "0352"), new District("Ürgüp", "TR50", "50400", "0384"));
    private static final List<String> GERMAN_FIRST = List.of("Hans", "Anna", "Lukas", "Sophie", "Jürgen", "Greta",
            "Maximilian", "Lena");
    private static final List<String> GERMAN_LAST = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber",
            "Wagner", "Becker", "Schäfer");
    private static final List<String[]> GERMAN_PLACES = List.of(
            new String[] {"Berlin", "BE", "10117", "Friedrichstraße", "+49 30"},
            new String[] {"München", "BY", "80331", "Maximilianstraße", "+49 89"},
            new String[] {"Köln", "NW", "50667", "Hohe Straße", "+49 221"},
            new String[] {"Hamburg", "HH", "20095", "Mönckebergstraße", "+49 40"},
            new String[] {"Frankfurt am Main", "HE", "60311", "Zeil", "+49 69"});
    private static final List<String> EMOJI = List.of("🌸", "☕", "🙂", "🌙", "⭐");

    private DemoPeople() {
    }

    /** A Turkish buyer, an individual with a TCKN or (when {@code company}) a company with a VKN. */
    static Buyer turkish(RandomGenerator r, boolean company) {
        String first = pick(r, FIRST_NAMES);
        String last = pick(r, LAST_NAMES);
        if (r.nextInt(60) == 0) {
            first = first + " " + pick(r, EMOJI);
        }
        District district = pick(r, DISTRICTS);
        String companyName = company ? (r.nextBoolean() ? last : pick(r, REGIONS)) + " " + pick(r, COMPANY_KINDS) : "";
        String phone = r.nextInt(3) == 0
                ? district.areaCode() + " " + digits(r, 3) + " " + digits(r, 2) + " " + digits(r, 2)
                : "+90 5" + (30 + r.nextInt(30)) + " " + digits(r, 3) + " " + digits(r, 2) + " " + digits(r, 2);
        Address billing = new Address(first, last, companyName, street(r), secondLine(r), district.name(),
                district.state(), district.postcode(), "TR", email(r, first, last, false), phone);
        String taxOffice = company
                ? (r.nextInt(5) == 0 ? "Büyük Mükellefler" : district.name()) + " Vergi Dairesi" : "";
        return new Buyer(0, company ? Buyer.Kind.COMPANY : Buyer.Kind.INDIVIDUAL, billing, shippingOf(r, billing),
                company ? "" : TurkishTaxNumbers.randomTckn(r), company ? TurkishTaxNumbers.randomVkn(r) : "",
                taxOffice);
    }

    /** A buyer in Germany: no Turkish tax identity, and no Turkish tax on the order. */
    static Buyer german(RandomGenerator r) {
        String first = pick(r, GERMAN_FIRST);
        String last = pick(r, GERMAN_LAST);
        String[] place = pick(r, GERMAN_PLACES);
        String company = r.nextInt(3) == 0 ? last + " Handels GmbH" : "";
        Address billing = new Address(first, last, company, place[3] + " " + (1 + r.nextInt(200)), "", place[0],
                place[1], place[2], "DE", email(r, first, last, true), place[4] + " " + digits(r, 7));
        return new Buyer(0, Buyer.Kind.FOREIGN, billing, shippingOf(r, billing), "", "", "");
    }

    /** The same person somewhere else: an address the shop had before, different in every address field. */
    static Address earlierAddressOf(RandomGenerator r, Address current) {
        District district = pick(r, DISTRICTS);
        while (district.name().equals(current.city())) {
            district = pick(r, DISTRICTS);
        }
        return new Address(current.firstName(), current.lastName(), current.company(),
                "Eski adres: " + street(r), "", district.name(), district.state(), district.postcode(), "TR",
                current.email().isEmpty() ? "" : "eski." + current.email(),
                current.phone().isEmpty() ? "" : "+90 5" + (30 + r.nextInt(30)) + " " + digits(r, 7));
    }

    /** A gift sent to someone else in Turkey. */
    static Address giftRecipient(RandomGenerator r) {
        District district = pick(r, DISTRICTS);
        return new Address(pick(r, FIRST_NAMES), pick(r, LAST_NAMES), "", street(r), secondLine(r), district.name(),
                district.state(), district.postcode(), "TR", "", "");
    }

    /** Over 200 characters in address_1, as some customers really type them. */
    static Address withVeryLongAddress(Address a) {
        return new Address(a.firstName(), a.lastName(), a.company(),
                "Cumhuriyet Mahallesi, Şehit Piyade Onbaşı Mehmetçik Yıldırımoğlu Sokak, Güzelyalı Sitesi B Blok,"
                        + " No:123/45, Kat:12, Daire:48, Kapı zili çalışmıyor, lütfen güvenliğe haber verin ve"
                        + " teslimatı saat 18:00 sonrasına planlayın",
                "Merkez Camii karşısı, eczanenin üstü, yeşil kapılı apartman (eski adıyla Çınaraltı Apartmanı)",
                a.city(), a.state(), a.postcode(), a.country(), a.email(), a.phone());
    }

    private static Address shippingOf(RandomGenerator r, Address billing) {
        // WooCommerce keeps no e-mail on the shipping address; many checkouts drop the phone there too.
        String phone = r.nextInt(5) < 2 ? billing.phone() : "";
        return new Address(billing.firstName(), billing.lastName(), billing.company(), billing.address1(),
                billing.address2(), billing.city(), billing.state(), billing.postcode(), billing.country(), "", phone);
    }

    private static String street(RandomGenerator r) {
        String s = pick(r, STREETS) + " No:" + (1 + r.nextInt(180));
        if (r.nextInt(50) == 0) {
            s = s + " " + pick(r, EMOJI);
        }
        return r.nextBoolean() ? s + " D:" + (1 + r.nextInt(20)) : s;
    }

    private static String secondLine(RandomGenerator r) {
        return switch (r.nextInt(6)) {
            case 0 -> "Kat " + (1 + r.nextInt(9));
            case 1 -> "Daire " + (1 + r.nextInt(30));
            default -> "";
        };
    }

    static String email(RandomGenerator r, String first, String last, boolean german) {
        String local = ascii(first.split(" ")[0], german) + "." + ascii(last, german);
        return (r.nextInt(4) == 0 ? local + (1 + r.nextInt(99)) : local) + "@example.test";
    }

    /** Lower-case ASCII for e-mail addresses; İ and ı have no decomposition, so Turkish letters are mapped by hand. */
    static String ascii(String s, boolean german) {
        String mapped = german
                ? s.replace("ö", "oe").replace("ü", "ue").replace("ä", "ae").replace("ß", "ss")
                : s.replace("İ", "i").replace("ı", "i").replace("ş", "s").replace("Ş", "s").replace("ğ", "g")
                        .replace("ç", "c").replace("Ç", "c").replace("ö", "o").replace("Ö", "o").replace("ü", "u")
                        .replace("Ü", "u");
        String decomposed = Normalizer.normalize(mapped, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String digits(RandomGenerator r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(r.nextInt(10));
        }
        return s.toString();
    }

    static <T> T pick(RandomGenerator r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private record District(String name, String state, String postcode, String areaCode) {
    }
}
