package org.pacemaker.user;

import org.pacemaker.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwords;

    UserService(UserRepository users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    User create(UserCreate request) {
        boolean inserted = users.insertIfAbsent(
                request.email(),
                passwords.encode(request.password()),
                request.fullName(),
                request.active(),
                request.superuser());
        if (!inserted) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The user with this email already exists in the system.");
        }
        return users.findByEmail(request.email()).orElseThrow();
    }

    /** Creates the first superuser unless an account with that email exists; true when it did. */
    public boolean ensureSuperuser(String email, String password) {
        return users.insertIfAbsent(email, passwords.encode(password), null, true, true);
    }
}
