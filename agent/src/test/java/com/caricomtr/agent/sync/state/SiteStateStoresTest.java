package com.caricomtr.agent.sync.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings, customer cache, watermarks, backfills and hook registrations, each per site. */
class SiteStateStoresTest {
    private static StateFixture db;

    @BeforeAll
    static void open() {
        db = StateFixture.migrated("site_state");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void settingsArePerSiteAndOverwrite() {
        SettingsStore shop = db.site("settings-a").settings();
        SettingsStore other = db.site("settings-b").settings();

        shop.put("invoice.series", "WOO");
        shop.putAll(Map.of("invoice.series", "ABC", "sync.statuses", "completed,processing", "note", "Şubat"));
        other.put("invoice.series", "XYZ");

        assertThat(shop.get("invoice.series")).contains("ABC");
        assertThat(shop.getAll()).containsExactly(Map.entry("invoice.series", "ABC"), Map.entry("note", "Şubat"),
                Map.entry("sync.statuses", "completed,processing"));
        assertThat(other.getAll()).containsExactly(Map.entry("invoice.series", "XYZ"));
        assertThat(shop.remove("note")).isTrue();
        assertThat(shop.remove("note")).isFalse();
        assertThat(shop.get("note")).isEmpty();
        assertThatThrownBy(() -> shop.put("bad name", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHookRegistrationIsReplacedAsAWholeAndKeptPerSite() {
        HookStore shop = db.site("hooks-a").hooks();
        HookStore other = db.site("hooks-b").hooks();
        assertThat(shop.find()).isEmpty();

        shop.save(new StoredHooks("https://shop.example/?rest_route=/caricomtr/v1/relay&x=%C3%A7",
                List.of("caricomtr_invoice_data", "caricomtr_invoice_serie"), List.of("caricomtr_after_sync"), null));
        other.save(new StoredHooks(null, List.of(), List.of(), null));

        StoredHooks stored = shop.find().orElseThrow();
        assertThat(stored.callbackUrl()).isEqualTo("https://shop.example/?rest_route=/caricomtr/v1/relay&x=%C3%A7");
        assertThat(stored.filters()).containsExactly("caricomtr_invoice_data", "caricomtr_invoice_serie");
        assertThat(stored.actions()).containsExactly("caricomtr_after_sync");
        assertThat(stored.registeredAt()).isNotNull();
        assertThat(other.find()).hasValueSatisfying(nothing -> {
            assertThat(nothing.callbackUrl()).isNull();
            assertThat(nothing.filters()).isEmpty();
            assertThat(nothing.actions()).isEmpty();
        });

        shop.save(new StoredHooks("https://shop.example/relay", List.of(), List.of("caricomtr_sync_error"), null));
        assertThat(shop.find().orElseThrow()).satisfies(replaced -> {
            assertThat(replaced.callbackUrl()).isEqualTo("https://shop.example/relay");
            assertThat(replaced.filters()).isEmpty();
            assertThat(replaced.actions()).containsExactly("caricomtr_sync_error");
        });
        assertThatThrownBy(() -> shop.save(new StoredHooks(null, List.of("a,b"), List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShopsOrderStatusesAreKeptInTheirOrderAndReplacedWithTheRegistration() {
        HookStore shop = db.site("statuses").hooks();
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("wc-pending", "Ödeme bekleniyor");
        statuses.put("wc-processing", "Hazırlanıyor");
        statuses.put("wc-kargolandi", "Kargoya verildi \"hızlı\"");
        statuses.put("wc-completed", "Tamamlandı");

        shop.save(new StoredHooks(null, List.of(), List.of(), statuses, null));

        assertThat(shop.find().orElseThrow().orderStatuses()).containsExactlyEntriesOf(statuses);
        shop.save(new StoredHooks(null, List.of(), List.of(), null));
        assertThat(shop.find().orElseThrow().orderStatuses()).isEmpty();
        assertThatThrownBy(() -> shop.save(new StoredHooks(null, List.of(), List.of(),
                Map.of("Wc Processing", "x"), null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shop.save(new StoredHooks(null, List.of(), List.of(),
                Map.of("wc-processing", "x".repeat(HookStore.MAX_STATUS_LABEL + 1)), null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shop.save(new StoredHooks("https://x/" + "a".repeat(HookStore.MAX_URL_LENGTH),
                List.of(), List.of(), null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customerCacheFindsPutsAndReplaces() {
        CustomerCache cache = db.site("customers").customers();

        assertThat(cache.find("email:ayse@example.com")).isEmpty();
        cache.put("email:ayse@example.com", "c-1", "h1");
        cache.put("email:ayse@example.com", "c-1", "h2");
        cache.put("email:AYSE@example.com", "c-2", null);

        CachedCustomer ayse = cache.find("email:ayse@example.com").orElseThrow();
        assertThat(ayse.cariCustomerId()).isEqualTo("c-1");
        assertThat(ayse.payloadHash()).isEqualTo("h2");
        assertThat(ayse.updatedAt()).isNotNull();
        assertThat(cache.find("email:AYSE@example.com").orElseThrow().cariCustomerId())
                .as("keys compare byte for byte").isEqualTo("c-2");
        assertThat(db.site("customers-other").customers().find("email:ayse@example.com")).isEmpty();
        assertThat(cache.remove("email:AYSE@example.com")).isTrue();
    }

    @Test
    void watermarksOnlyMoveForwardByTimeThenId() {
        WatermarkStore marks = db.site("marks").watermarks();
        Instant t = Instant.parse("2025-03-01T10:00:00Z");

        assertThat(marks.get("hpos")).isEmpty();
        assertThat(marks.advance("hpos", new Watermark(t, 40))).isTrue();
        assertThat(marks.advance("hpos", new Watermark(t, 45))).as("same second, higher id").isTrue();
        assertThat(marks.advance("hpos", new Watermark(t, 41))).as("same second, lower id").isFalse();
        assertThat(marks.advance("hpos", new Watermark(t.minusSeconds(1), 99))).isFalse();
        assertThat(marks.advance("hpos", new Watermark(t, 45))).as("equal").isFalse();
        assertThat(marks.get("hpos")).contains(new Watermark(t, 45));
        assertThat(marks.advance("hpos", new Watermark(t.plusSeconds(1), 2))).isTrue();
        assertThat(marks.get("hpos")).contains(new Watermark(t.plusSeconds(1), 2));
        assertThat(marks.get("posts")).isEmpty();

        marks.reset("hpos", new Watermark(Instant.parse("2024-01-01T00:00:00Z"), 0));
        assertThat(marks.get("hpos")).contains(new Watermark(Instant.parse("2024-01-01T00:00:00Z"), 0));
        assertThat(new Watermark(Instant.parse("2025-03-01T10:00:00.900Z"), 1).modifiedGmt())
                .as("cut down to whole seconds, never rounded up").isEqualTo(t);
    }

    @Test
    void aBackfillRunsUntilFinishedOrCancelled() {
        BackfillStore backfills = db.site("backfills").backfills();
        Backfill run = backfills.create(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31),
                List.of("completed", "processing"));

        assertThat(run.state()).isEqualTo(BackfillState.RUNNING);
        assertThat(run.statuses()).containsExactly("completed", "processing");
        assertThat(run.total()).isNull();
        assertThat(backfills.setTotal(run.id(), 120)).isTrue();
        assertThat(backfills.progress(run.id(), 50, 500)).isTrue();
        assertThat(backfills.progress(run.id(), 50, 400)).as("cursor never goes back").isTrue();
        Backfill halfway = backfills.get(run.id()).orElseThrow();
        assertThat(halfway.queued()).isEqualTo(100);
        assertThat(halfway.cursorId()).isEqualTo(500);
        assertThat(halfway.total()).isEqualTo(120);
        assertThat(backfills.running()).extracting(Backfill::id).containsExactly(run.id());

        assertThat(backfills.cancel(run.id())).isTrue();
        assertThat(backfills.progress(run.id(), 10, 600)).as("the runner learns to stop").isFalse();
        assertThat(backfills.finish(run.id())).isFalse();
        assertThat(backfills.get(run.id()).orElseThrow().state()).isEqualTo(BackfillState.CANCELLED);

        Backfill all = backfills.create(null, null, List.of());
        assertThat(all.statuses()).isEmpty();
        assertThat(backfills.finish(all.id())).isTrue();
        assertThat(backfills.recent(10)).extracting(Backfill::id).containsExactly(all.id(), run.id());
        assertThat(backfills.running()).isEmpty();
        assertThat(db.site("backfills-other").backfills().get(run.id())).isEmpty();
        assertThatThrownBy(() -> backfills.create(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backfills.create(null, null, List.of("wc-completed'"))).isInstanceOf(
                IllegalArgumentException.class);
    }
}
