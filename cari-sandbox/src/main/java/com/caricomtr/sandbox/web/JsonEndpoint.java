package com.caricomtr.sandbox.web;

import java.lang.System.Logger.Level;

import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;

/** An API endpoint written as a function from request to answer; errors are thrown as {@link ApiException}. */
@FunctionalInterface
public interface JsonEndpoint {
    ApiResponse handle(ServerRequest request) throws ApiException;

    /** The Helidon handler: runs the endpoint and writes its answer, or a 500 SUNUCU_HATASI for a sandbox bug. */
    static Handler handler(ApiResponder responder, JsonEndpoint endpoint) {
        return (request, response) -> {
            ApiResponse answer;
            try {
                answer = endpoint.handle(request);
            } catch (ApiException e) {
                answer = e.response();
            } catch (CloseConnectionException e) {
                throw e;
            } catch (RuntimeException e) {
                System.getLogger(JsonEndpoint.class.getName()).log(Level.ERROR, "Sandbox bug while handling "
                        + request.prologue().method().text() + " " + request.path().path(), e);
                answer = ApiErrors.serverError(500);
            }
            responder.send(request, response, answer);
        };
    }
}
