package org.pacemaker.replay;

import java.io.IOException;
import org.pacemaker.client.ApiClient;
import org.pacemaker.client.ApiException;

/**
 * The bearer token for ingest requests. With credentials it logs in again when the server refuses
 * the token, once for all requests that saw the same stale token.
 */
final class AccessToken {

    private final ApiClient api;
    private final String username;
    private final String password;
    private String current;

    private AccessToken(ApiClient api, String token, String username, String password) {
        this.api = api;
        this.current = token;
        this.username = username;
        this.password = password;
    }

    /** A token that cannot be renewed. */
    static AccessToken fixed(String token) {
        return new AccessToken(null, token, null, null);
    }

    /** Starts from {@code token}, or logs in now when it is null; logs in again when refused. */
    static AccessToken renewable(ApiClient api, String token, String username, String password)
            throws IOException, InterruptedException {
        return new AccessToken(api, token != null ? token : api.login(username, password), username, password);
    }

    synchronized String current() {
        return current;
    }

    boolean renewable() {
        return username != null;
    }

    /** A fresh token, unless another request already replaced {@code refused}. */
    synchronized String renew(String refused) throws IOException, InterruptedException {
        if (refused.equals(current)) {
            try {
                current = api.login(username, password);
            } catch (ApiException e) {
                // the login answers 400 for bad credentials; what failed here is authentication
                throw new ApiException(401, "logging in again failed: " + e.getMessage());
            }
        }
        return current;
    }
}
