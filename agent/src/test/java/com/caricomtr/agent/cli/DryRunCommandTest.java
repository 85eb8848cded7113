package com.caricomtr.agent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.testing.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The dry run prints the exact payloads for every order and the mapping errors in place, sending nothing. */
class DryRunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyOrderGetsItsPayloadsOrItsErrorAndTheRunGoesOn() throws Exception {
        StringWriter out = new StringWriter();
        int exit = run(out, "hpos");

        assertThat(exit).isEqualTo(3);
        JsonNode result = JSON.readTree(out.toString());
        assertThat(result.get("sent").asBoolean()).isFalse();
        assertThat(result.get("orders")).hasSize(40);
        List<Long> failed = new ArrayList<>();
        for (JsonNode order : result.get("orders")) {
            if (order.has("error")) {
                failed.add(order.get("id").asLong());
                assertThat(order.get("error").get("field").asText()).isEqualTo("billing.tckn");
                assertThat(order.has("invoice")).isFalse();
            } else {
                JsonNode fatura = order.get("invoice").get("fatura");
                assertThat(fatura.get("seri_no").asText()).isEqualTo("WOO");
                assertThat(order.get("customer").get("cari").get("dis_anahtar").asText()).isNotBlank();
                assertThat(new BigDecimal(fatura.get("genel_toplam").asText()))
                        .isEqualByComparingTo(new BigDecimal(fatura.get("ara_toplam").asText())
                                .add(new BigDecimal(fatura.get("kdv_toplam").asText())));
            }
        }
        assertThat(failed).containsExactly(39L, 64L);
    }

    @Test
    void chosenOrdersWithAGaplessPreview() throws Exception {
        StringWriter out = new StringWriter();
        int exit = run(out, "legacy", "--ids", "40,41", "--numbering", "GAPLESS_COUNTER", "--series", "ABC");

        assertThat(exit).isZero();
        JsonNode result = JSON.readTree(out.toString());
        assertThat(result.get("note").asText()).contains("previews");
        assertThat(result.get("orders")).extracting(o -> o.get("invoice").get("fatura").get("fatura_no").asText())
                .containsExactly("ABC2025000000001", "ABC2025000000002");
        assertThat(result.get("orders").get(1).get("customer").get("cari").get("tur").asText()).isEqualTo("yabanci");
    }

    private static int run(StringWriter out, String fixture, String... extra) {
        DatabaseSettings db = TestDatabase.get().fixture(fixture);
        List<String> args = new ArrayList<>(List.of("dry-run", "--db-url", db.jdbcUrl(), "--db-user", db.user(),
                "--db-password", db.password()));
        args.addAll(List.of(extra));
        CommandLine cli = new CommandLine(new AgentCommand());
        cli.setOut(new PrintWriter(out));
        return cli.execute(args.toArray(String[]::new));
    }
}
