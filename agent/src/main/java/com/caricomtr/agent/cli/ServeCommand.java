package com.caricomtr.agent.cli;

import java.util.concurrent.Callable;

import com.caricomtr.agent.Main;

import io.helidon.config.Config;
import io.helidon.webserver.WebServer;

import picocli.CommandLine.Command;

/** Runs the agent's HTTP API. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the agent's HTTP API.")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Config config = Config.create();
        WebServer server = WebServer.builder()
                .config(config.get("server"))
                .routing(Main::routing)
                .build()
                .start();
        AgentCommand.markServing();
        System.out.println("caricomtr-agent " + Main.VERSION + " listening on http://" + config.get("server.host")
                .asString().orElse("127.0.0.1") + ":" + server.port());
        return 0;
    }
}
