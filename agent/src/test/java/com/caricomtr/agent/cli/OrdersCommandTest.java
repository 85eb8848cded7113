package com.caricomtr.agent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.testing.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The support command prints stable, diff-able JSON of what the agent sees. */
class OrdersCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printsTheChosenOrdersWithEveryFieldAndAmountsAsStrings() throws Exception {
        Run run = run("hpos", "--ids", "40,46");

        assertThat(run.exit).isZero();
        JsonNode out = JSON.readTree(run.stdout);
        assertThat(out.get("storage").asText()).isEqualTo("HPOS");
        assertThat(out.get("orders")).hasSize(2);
        JsonNode order40 = out.get("orders").get(0);
        assertThat(fieldNames(order40)).containsExactly("id", "number", "status", "currency", "prices_include_tax",
                "date_created", "date_modified", "date_paid", "date_completed", "customer_id", "billing", "shipping",
                "payment_method", "payment_method_title", "transaction_id", "customer_note", "tax_identity", "totals",
                "line_items", "shipping_lines", "fee_lines", "coupon_lines", "tax_lines", "refunds", "problems");
        assertThat(order40.get("totals").get("total").isTextual()).isTrue();
        assertThat(order40.get("totals").get("total").asText()).isEqualTo("855.08");
        assertThat(order40.get("tax_identity").get("tckn").asText()).isEqualTo("97531864294");
        assertThat(order40.get("refunds").get(0).get("amount").asText()).isEqualTo("177.4");
        assertThat(order40.get("date_paid").asText()).isEqualTo("2025-01-20T08:01:00Z");
        JsonNode order46 = out.get("orders").get(1);
        assertThat(order46.get("problems").get(0).get("message").asText()).contains("product 22 no longer exists");
    }

    @Test
    void twoRunsPrintTheSameBytes() {
        Run first = run("hpos", "--ids", "43");
        Run second = run("hpos", "--ids", "43");
        assertThat(first.stdout).isEqualTo(second.stdout);
    }

    /** Streamed one order at a time, the output is byte for byte what the whole tree pretty-printed at once was. */
    @Test
    void theStreamedOutputIsThePrettyPrintedTree() throws Exception {
        Run streamed = run("legacy", "--ids", "32,40,43,5000");
        JsonNode tree = JSON.readTree(streamed.stdout);
        assertThat(List.of(fieldNames(tree))).containsExactly(List.of("site", "blog_id", "storage", "read_from",
                "orders", "rejected"));
        assertThat(streamed.stdout).isEqualTo(JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(tree) + System.lineSeparator());
    }

    @Test
    void allOrdersWhenNoIdsAndUnknownIdsAreReportedNotFatal() throws Exception {
        JsonNode all = JSON.readTree(run("legacy").stdout);
        assertThat(all.get("orders")).hasSize(40);
        assertThat(all.get("storage").asText()).isEqualTo("posts");

        Run missing = run("legacy", "--ids", "32,5000");
        assertThat(missing.exit).isEqualTo(3);
        JsonNode out = JSON.readTree(missing.stdout);
        assertThat(out.get("orders")).hasSize(1);
        assertThat(out.get("rejected").get(0).get("id").asLong()).isEqualTo(5000);
        assertThat(out.get("rejected").get(0).get("field").asText()).isEqualTo("id");
    }

    private static Run run(String fixture, String... extra) {
        DatabaseSettings db = TestDatabase.get().fixture(fixture);
        List<String> args = new ArrayList<>(List.of("orders", "--db-url", db.jdbcUrl(), "--db-user", db.user(),
                "--db-password", db.password()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new AgentCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private record Run(int exit, String stdout) {
    }
}
