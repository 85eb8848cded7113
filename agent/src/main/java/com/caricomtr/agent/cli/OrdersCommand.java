package com.caricomtr.agent.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.woo.LoadResult;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.WooSite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The support command: prints what the agent sees of a site's orders, as stable JSON. */
@Command(name = "orders", mixinStandardHelpOptions = true,
        description = "Print the orders of a site as the agent loads them, with the problems found, as JSON.")
public final class OrdersCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--ids", split = ",", description = "Order ids (default: all orders)")
    List<Long> ids;

    @Override
    public Integer call() throws Exception {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode orders = JsonNodeFactory.instance.arrayNode();
        ArrayNode rejected = JsonNodeFactory.instance.arrayNode();
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(site.database())) {
            WooSite wooSite = site.site(pool);
            OrderReader reader = site.reader(pool, wooSite);
            out.put("site", wooSite.prefix().value());
            out.put("blog_id", wooSite.blogId());
            out.put("storage", wooSite.storage().describe());
            out.put("read_from", reader.storage().name().toLowerCase(java.util.Locale.ROOT));
            java.util.function.Consumer<LoadResult> collect = r -> {
                r.orders().forEach(o -> orders.add(OrderJson.order(o)));
                r.rejections().forEach(x -> rejected.add(OrderJson.rejection(x)));
            };
            if (ids == null || ids.isEmpty()) {
                reader.readAll(collect);
            } else {
                collect.accept(reader.load(ids));
            }
        }
        out.set("orders", orders);
        out.set("rejected", rejected);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        spec.commandLine().getOut().println(json.writeValueAsString(out));
        spec.commandLine().getOut().flush();
        return rejected.isEmpty() ? 0 : 3;
    }
}
