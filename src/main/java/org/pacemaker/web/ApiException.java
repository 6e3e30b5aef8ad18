package org.pacemaker.web;

import org.springframework.http.HttpStatus;

/** A client mistake answered with this status and a one-line detail. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
