package org.pacemaker.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> findById(UUID id) {
        return jdbc.sql("SELECT * FROM app_user WHERE id = ?")
                .param(id)
                .query(UserRepository::map)
                .optional();
    }

    public Optional<User> findByEmail(String email) {
        // PostgreSQL text cannot hold NUL, and no valid email holds any control character.
        if (email.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM app_user WHERE email = ?")
                .param(normalized(email))
                .query(UserRepository::map)
                .optional();
    }

    /** Inserts the user unless one with the same email exists; returns whether it was inserted. */
    public boolean insertIfAbsent(
            String email, String hashedPassword, String fullName, boolean active, boolean superuser) {
        return jdbc.sql("""
                        INSERT INTO app_user (id, email, hashed_password, full_name, is_active, is_superuser)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (email) DO NOTHING""")
                        .params(UUID.randomUUID(), normalized(email), hashedPassword, fullName, active, superuser)
                        .update()
                == 1;
    }

    /** Emails are compared case-insensitively, as mail servers do for the domain and most for the rest. */
    static String normalized(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("hashed_password"),
                rs.getString("full_name"),
                rs.getBoolean("is_active"),
                rs.getBoolean("is_superuser"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
