package com.caricomtr.sandbox.web;

import com.caricomtr.sandbox.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Writes every {@code /api} answer. A request planned to time out in "answer" mode has already been processed when it
 * gets here; this is where its answer is held back.
 */
public final class ApiResponder {
    public static final String JSON_UTF8 = "application/json; charset=utf-8";

    private final Pauses pauses;

    public ApiResponder(Pauses pauses) {
        this.pauses = pauses;
    }

    public void send(ServerRequest request, ServerResponse response, ApiResponse answer) {
        RequestNotes notes = RequestNotes.of(request);
        notes.errorCode(answer.errorCode());
        if (notes.plan().holdsAnswer()) {
            pauses.pause(notes.plan().hangMs());
        }
        response.status(Status.create(answer.status()));
        answer.headers().forEach(response::header);
        response.header(HeaderNames.CONTENT_TYPE, JSON_UTF8);
        response.send(Json.bytes(answer.body()));
    }
}
