package org.pacemaker.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database outage is a 503 with Retry-After wherever it strikes. Controllers get that from
 * {@link ApiExceptionHandler}; this filter covers the security filters, which look the token's user
 * up before any controller runs and would otherwise end in the container's 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "2";
    static final String DETAIL = "The database is unavailable; retry shortly";
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ProblemWriter problems;

    DatabaseOutageFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable: {}", e.getMessage());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        }
    }

    static boolean isOutage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }
}
