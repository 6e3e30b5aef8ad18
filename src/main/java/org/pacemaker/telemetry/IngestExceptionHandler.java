package org.pacemaker.telemetry;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class IngestExceptionHandler {

    /** 422 whose {@code errors} list each bad row and field; {@code detail} sums them up. */
    @ExceptionHandler(InvalidBatchException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ProblemDetail invalidBatch(InvalidBatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setProperty("errors", e.violations());
        return problem;
    }
}
