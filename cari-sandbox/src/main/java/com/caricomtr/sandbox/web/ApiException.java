package com.caricomtr.sandbox.web;

/** Ends an endpoint early with an error answer; the endpoint adapter turns it into the response. */
public final class ApiException extends Exception {
    private final transient ApiResponse response;

    public ApiException(ApiResponse response) {
        super(response.errorCode(), null, false, false);
        this.response = response;
    }

    public ApiResponse response() {
        return response;
    }
}
