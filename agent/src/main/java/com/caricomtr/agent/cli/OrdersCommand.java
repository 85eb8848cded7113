package com.caricomtr.agent.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.woo.LoadResult;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.WooSite;


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
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(site.database())) {
            WooSite wooSite = site.site(pool);
            OrderReader reader = site.reader(pool, wooSite);
            JsonReport report = new JsonReport(spec.commandLine().getOut())
                    .field("site", wooSite.prefix().value())
                    .field("blog_id", wooSite.blogId())
                    .field("storage", wooSite.storage().describe())
                    .field("read_from", reader.storage().name().toLowerCase(java.util.Locale.ROOT));
            java.util.function.Consumer<LoadResult> write = r -> {
                r.orders().forEach(o -> report.order(OrderJson.order(o)));
                r.rejections().forEach(x -> report.rejected(OrderJson.rejection(x)));
            };
            if (ids == null || ids.isEmpty()) {
                reader.readAll(write);
            } else {
                write.accept(reader.load(ids));
            }
            report.close();
            return report.rejectedCount() == 0 ? 0 : 3;
        }
    }
}
