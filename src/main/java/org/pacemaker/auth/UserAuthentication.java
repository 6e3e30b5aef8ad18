package org.pacemaker.auth;

import java.util.Collection;
import java.util.List;
import org.pacemaker.user.User;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authenticated user of a request, looked up afresh from the token's subject; controllers take it
 * as {@code @AuthenticationPrincipal User}.
 */
final class UserAuthentication extends AbstractAuthenticationToken {

    static final String SUPERUSER = "ROLE_SUPERUSER";

    private final transient User user;

    UserAuthentication(User user) {
        super(authorities(user));
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public User getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.email();
    }

    private static Collection<GrantedAuthority> authorities(User user) {
        return user.superuser()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority(SUPERUSER))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }
}
