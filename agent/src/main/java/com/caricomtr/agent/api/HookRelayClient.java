package com.caricomtr.agent.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.caricomtr.agent.json.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Calls a site's bridge so that the shop's own WordPress callbacks run (docs/agent-api.md, "Hook relay"). Requests
 * are signed like the bridge's requests to the agent, with the same site secret.
 *
 * <p>A hook never stops a sync: a filter that fails in any way (no answer in time, an HTTP error, an answer that
 * is not {@code {"value": ...}} of the right type) yields the unfiltered value and one logged warning; an action
 * is sent without waiting. Redirects are not followed: the signature covers the path, and order data must not
 * follow a redirect to wherever it points. OkHttp, as for Cari: one HTTP client library in the agent.
 */
public final class HookRelayClient implements AutoCloseable {
    public static final String LOGGER_NAME = "com.caricomtr.agent.api.relay";
    private static final System.Logger LOGGER = System.getLogger(LOGGER_NAME);
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private final HookRegistry registry;
    private final SiteSecrets secrets;
    private final RelaySettings settings;
    private OkHttpClient http;

    /** A bridge's answer: its status and its body, read up to the answer limit. */
    private record Answer(int status, byte[] body) {
    }

    public HookRelayClient(HookRegistry registry, SiteSecrets secrets, RelaySettings settings) {
        this.registry = registry;
        this.secrets = secrets;
        this.settings = settings;
    }

    /**
     * Made at the first call: an agent whose shops hook nothing never pays for the client's threads and buffers (the
     * idle agent's memory is measured against a budget).
     */
    private synchronized OkHttpClient http() {
        if (http == null) {
            okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
            // Every call goes to one bridge host; OkHttp's default of 5 at once would queue a busy site's filters.
            dispatcher.setMaxRequestsPerHost(32);
            http = new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(false)
                    .followSslRedirects(false)
                    // A relay call is signed once; OkHttp must not send it a second time behind our back.
                    .retryOnConnectionFailure(false)
                    .build();
        }
        return http;
    }

    /**
     * Runs the site's callbacks of a filter on the value. Blocks for at most the filter timeout.
     *
     * @param context the other arguments of the hook, e.g. {@code {"order_id": 123}}; may be null
     * @return the filtered value, or {@code value} itself when nothing is hooked or the callback failed
     */
    public JsonNode filter(String siteId, Hook hook, JsonNode value, ObjectNode context) {
        requireKind(hook, Hook.Kind.FILTER);
        Optional<Request> request = request(siteId, hook, arguments(value, context));
        if (request.isEmpty()) {
            return value;
        }
        CompletableFuture<Answer> exchange = send(request.get(), settings.filterTimeout());
        try {
            Answer answer = exchange.get(settings.filterTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return filteredValue(siteId, hook, answer).orElse(value);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            warn(siteId, hook, "no answer within " + settings.filterTimeout().toMillis() + " ms", true);
        } catch (ExecutionException e) {
            warn(siteId, hook, describe(e.getCause()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            warn(siteId, hook, "interrupted", true);
        }
        return value;
    }

    /**
     * Tells the site's callbacks of an action, without waiting. The future says whether the bridge took it (a 2xx
     * answer) and never fails; nothing needs to wait on it.
     */
    public CompletableFuture<Boolean> notify(String siteId, Hook hook, ObjectNode arguments) {
        requireKind(hook, Hook.Kind.ACTION);
        ObjectNode args = arguments == null ? MAPPER.createObjectNode() : arguments;
        Optional<Request> request = request(siteId, hook, args);
        if (request.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        return send(request.get(), settings.actionTimeout())
                .handle((answer, failure) -> {
                    if (failure != null) {
                        warn(siteId, hook, describe(failure), false);
                        return false;
                    }
                    if (answer.status() / 100 != 2) {
                        warn(siteId, hook, "HTTP " + answer.status(), false);
                        return false;
                    }
                    return true;
                });
    }

    /** The signed request, or empty when the site has no callback for the hook or no longer has a secret. */
    private Optional<Request> request(String siteId, Hook hook, ObjectNode args) {
        Optional<URI> callback = registry.callbackFor(siteId, hook);
        if (callback.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> secret = secrets.secret(siteId);
        if (secret.isEmpty()) {
            warn(siteId, hook, "the site has no secret configured", hook.kind() == Hook.Kind.FILTER);
            return Optional.empty();
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.put("hook", hook.wordpressName());
        body.set("args", args);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return Optional.of(new RequestSigner(siteId, secret.get())
                .okHttpRequest("POST", callback.get(), bytes, "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .build());
    }

    /** Sends on OkHttp's dispatcher, the whole exchange bounded by {@code timeout}, the body by the answer limit. */
    private CompletableFuture<Answer> send(Request request, Duration timeout) {
        CompletableFuture<Answer> done = new CompletableFuture<>();
        Call call = http().newCall(request);
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                done.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call answered, Response response) {
                try (response) {
                    done.complete(new Answer(response.code(), bounded(response)));
                } catch (IOException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
            }
        });
        done.whenComplete((answer, failure) -> {
            if (done.isCancelled()) {
                call.cancel();
            }
        });
        return done;
    }

    private byte[] bounded(Response response) throws IOException {
        int max = settings.maxAnswerBytes();
        BufferedSource source = response.body().source();
        if (source.request(max + 1L)) {
            throw new IOException("the answer is longer than " + max + " bytes (relay.max-answer-bytes)");
        }
        return source.getBuffer().readByteArray();
    }

    private Optional<JsonNode> filteredValue(String siteId, Hook hook, Answer answer) {
        if (answer.status() != 200) {
            warn(siteId, hook, "HTTP " + answer.status(), true);
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(answer.body());
        } catch (IOException e) {
            warn(siteId, hook, "the answer is not JSON", true);
            return Optional.empty();
        }
        JsonNode filtered = json == null ? null : json.get("value");
        if (json == null || !json.isObject() || !hook.accepts(filtered)) {
            warn(siteId, hook, "the answer is not {\"value\": ...} with a value of the hook's type", true);
            return Optional.empty();
        }
        return Optional.of(filtered);
    }

    private static ObjectNode arguments(JsonNode value, ObjectNode context) {
        ObjectNode args = MAPPER.createObjectNode();
        args.set("value", value);
        if (context != null) {
            context.properties().forEach(field -> {
                if (!field.getKey().equals("value")) {
                    args.set(field.getKey(), field.getValue());
                }
            });
        }
        return args;
    }

    private void warn(String siteId, Hook hook, String problem, boolean usingOriginal) {
        LOGGER.log(Level.WARNING, secrets.masker().apply("Hook " + hook.wordpressName() + " for site " + siteId
                + " failed: " + problem + (usingOriginal ? "; continuing with the unfiltered value" : "")));
    }

    private static String describe(Throwable failure) {
        if (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof TimeoutException || failure instanceof InterruptedIOException) {
            return "no answer in time";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + LogText.clean(message));
    }

    private static void requireKind(Hook hook, Hook.Kind kind) {
        if (hook.kind() != kind) {
            throw new IllegalArgumentException(hook + " is not a " + kind.name().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.dispatcher().cancelAll();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
