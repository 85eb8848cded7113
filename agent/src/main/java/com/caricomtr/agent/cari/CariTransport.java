package com.caricomtr.agent.cari;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One HTTP exchange with Cari: builds the request, runs it on the shared OkHttpClient, classifies the outcome and
 * tells the {@link CariExchangeListener}, masked. Knows HTTP; {@link CariClient} knows what each call means.
 */
final class CariTransport implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CariTransport.class.getName());
    private static final MediaType JSON = MediaType.get(CariWire.JSON_MEDIA_TYPE);

    /** Reads a successful (2xx) body; anything it throws means Cari's answer broke the contract. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(String body) throws IOException;
    }

    private record RawResponse(int status, Headers headers, String body) {
    }

    /** The status line and headers came, the body did not: worth knowing for a POST that Cari may have applied. */
    private static final class BodyCutOff extends IOException {
        final int status;
        final Headers headers;

        BodyCutOff(int status, Headers headers, IOException cause) {
            super(cause.getMessage(), cause);
            this.status = status;
            this.headers = headers;
        }
    }

    /**
     * Set once the request has been written out in full. A failure after that point may hide a request Cari acted
     * on, so it counts as an attempt; a failure before it (refused, timed out connecting) left nothing in Cari.
     */
    private static final class Written {
        volatile boolean value;
    }

    /** Marks the call's {@link Written} tag when OkHttp reports the last byte of the request sent. */
    private static final EventListener MARK_WRITTEN = new EventListener() {
        @Override
        public void requestHeadersEnd(Call call, Request request) {
            if (request.body() == null) {
                mark(call);
            }
        }

        @Override
        public void requestBodyEnd(Call call, long byteCount) {
            mark(call);
        }

        private void mark(Call call) {
            Written written = call.request().tag(Written.class);
            if (written != null) {
                written.value = true;
            }
        }
    };

    private final CariSettings settings;
    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final ExecutorService callExecutor;
    private final Masker masker;
    private final FailureClassifier classifier;
    private final CariExchangeListener listener;
    private final Clock clock;

    CariTransport(CariSettings settings, CariExchangeListener listener, Clock clock) {
        this.settings = settings;
        this.baseUrl = HttpUrl.get(settings.baseUrl());
        this.masker = Masker.of(settings.firmaKodu(), settings.apiToken());
        this.classifier = new FailureClassifier(masker);
        this.listener = listener == null ? CariExchangeListener.NONE : listener;
        this.clock = clock;
        this.callExecutor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("cari-http-", 0).factory());
        this.http = httpClient(settings, callExecutor);
    }

    /**
     * One client for the agent's lifetime, so that connections are pooled and kept alive between calls.
     *
     * <p>Calls go through {@link Call#enqueue} even though our API is synchronous: OkHttp's dispatcher limits
     * ({@code maxRequestsPerHost}) apply only to enqueued calls, and they are what keeps a burst of orders from
     * flooding Cari. The dispatcher runs them on virtual threads.
     */
    private static OkHttpClient httpClient(CariSettings settings, ExecutorService executor) {
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(settings.maxConcurrentCalls());
        dispatcher.setMaxRequestsPerHost(settings.maxConcurrentCalls());
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(settings.maxIdleConnections(), settings.keepAlive().toMillis(),
                        TimeUnit.MILLISECONDS))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.writeTimeout())
                .callTimeout(settings.callTimeout())
                // A POST that reached Cari must never be replayed behind the sync engine's back: the engine decides
                // about retries, with the failure in hand and its crash-recovery lookup before a new attempt.
                .retryOnConnectionFailure(false)
                // A JSON API that redirects is misconfigured; following could turn a POST into a GET elsewhere.
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListener(MARK_WRITTEN)
                .build();
    }

    HttpUrl url(String... pathSegments) {
        HttpUrl.Builder url = baseUrl.newBuilder();
        for (String segment : pathSegments) {
            url.addPathSegment(segment);
        }
        return url.build();
    }

    <T> T exchange(String method, HttpUrl url, Object jsonBody, CariCallContext context, BodyReader<T> reader)
            throws CariException {
        String what = describe(method, url);
        String requestJson = jsonBody == null ? null : CariJson.write(jsonBody);
        Written written = new Written();
        Request request = request(method, url, requestJson, written);

        long started = System.nanoTime();
        RawResponse response = null;
        CariException failure = null;
        T result = null;
        try {
            response = execute(http.newCall(request));
            if (response.status() >= 200 && response.status() < 300) {
                try {
                    result = reader.read(response.body());
                } catch (IOException | RuntimeException unexpected) {
                    failure = classifier.forUnexpectedBody(what, response.status(), response.body(), unexpected);
                }
            } else {
                failure = classifier.forErrorResponse(what, response.status(), response.headers(), response.body(),
                        clock.instant());
            }
        } catch (BodyCutOff cutOff) {
            response = new RawResponse(cutOff.status, cutOff.headers, null);
            failure = classifier.forBodyCutOff(what, cutOff.status, (IOException) cutOff.getCause());
        } catch (IOException networkFailure) {
            failure = classifier.forNetworkFailure(what, networkFailure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure = classifier.forInterrupt(what);
        }
        notifyListener(context, request, requestJson, response, Duration.ofNanos(System.nanoTime() - started),
                failure);
        if (failure != null) {
            throw failure.about(changesCari(method), written.value);
        }
        return result;
    }

    /** For data that cannot even be sent: same exception type, no exchange to report. */
    CariException unsendable(String method, HttpUrl url, IllegalArgumentException problem) {
        return classifier.forUnsendable(describe(method, url), problem);
    }

    /** For tests: how many connections the pool holds. */
    int pooledConnectionCount() {
        return http.connectionPool().connectionCount();
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        callExecutor.shutdown();
        http.connectionPool().evictAll();
    }

    /** Creates and updates change Cari; lookups ({@code GET}) never do. */
    private static boolean changesCari(String method) {
        return !"GET".equals(method);
    }

    private Request request(String method, HttpUrl url, String json, Written written) {
        return new Request.Builder()
                .url(url)
                .tag(Written.class, written)
                .header(CariWire.HEADER_AUTHORIZATION, CariWire.BEARER_PREFIX + settings.apiToken())
                .header(CariWire.HEADER_FIRMA_KODU, settings.firmaKodu())
                .header("Accept", "application/json")
                .method(method, json == null ? null : RequestBody.create(json, JSON))
                .build();
    }

    private static RawResponse execute(Call call) throws IOException, InterruptedException {
        CompletableFuture<RawResponse> done = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                done.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call answered, Response response) {
                // The body is read here, inside the dispatcher slot and under the call timeout.
                try (response) {
                    done.complete(new RawResponse(response.code(), response.headers(), response.body().string()));
                } catch (IOException e) {
                    done.completeExceptionally(new BodyCutOff(response.code(), response.headers(), e));
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            }
        });
        try {
            return done.get();
        } catch (InterruptedException e) {
            call.cancel();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    private void notifyListener(CariCallContext context, Request request, String requestJson, RawResponse response,
                                Duration duration, CariException failure) {
        CariExchange exchange = new CariExchange(
                context == null ? CariCallContext.NONE : context,
                request.method(),
                masker.apply(request.url().toString()),
                masked(request.headers()),
                masker.apply(requestJson),
                response == null ? OptionalInt.empty() : OptionalInt.of(response.status()),
                response == null ? Map.of() : masked(response.headers()),
                response == null ? null : masker.apply(response.body()),
                duration,
                failure == null ? null : failure.failureClass(),
                failure == null ? null : failure.getMessage());
        try {
            listener.onExchange(exchange);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cari exchange listener failed; the call itself is unaffected", e);
        }
    }

    private Map<String, List<String>> masked(Headers headers) {
        Map<String, List<String>> masked = new LinkedHashMap<>();
        for (String name : headers.names()) {
            masked.put(name, headers.values(name).stream().map(masker::apply).toList());
        }
        return Collections.unmodifiableMap(masked);
    }

    /** "POST /faturalar", relative to the base URL, for exception messages. */
    private String describe(String method, HttpUrl url) {
        String query = url.query();
        return masker.apply(method + " /" + String.join("/", relativePath(url)) + (query == null ? "" : "?" + query));
    }

    private List<String> relativePath(HttpUrl url) {
        List<String> segments = url.pathSegments();
        int base = baseUrl.pathSegments().size();
        // A trailing empty segment in the base URL ("/api/") is replaced by our first segment, not kept.
        if (!baseUrl.pathSegments().isEmpty() && baseUrl.pathSegments().getLast().isEmpty()) {
            base--;
        }
        return segments.subList(Math.min(base, segments.size()), segments.size());
    }
}
