package org.pacemaker.auth;

import javax.crypto.SecretKey;
import org.pacemaker.user.User;
import org.pacemaker.user.UserRepository;
import org.pacemaker.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Bearer-token security as in the original: anyone may log in and check health; a valid token of an
 * active user reads its own account and the stored telemetry, patients and alerts; writes of telemetry
 * and users need a superuser.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String NOT_ENOUGH_PRIVILEGES = "The user doesn't have enough privileges";

    /** The dashboard: a page and its assets, all served from the jar. */
    private static final String[] DASHBOARD_PATHS = {"/", "/index.html", "/assets/**"};

    /** The browser may load nothing for the dashboard from anywhere but this service. */
    static final String DASHBOARD_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The read API: GET for any active user. */
    private static final String[] READ_PATHS = {
        "/api/v1/telemetry", "/api/v1/telemetry/**", "/api/v1/patients", "/api/v1/patients/**", "/api/v1/alerts/**"
    };

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, UserRepository users, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, cause) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(response, HttpStatus.UNAUTHORIZED, reason(cause));
        };
        AccessDeniedHandler forbidden =
                (request, response, cause) -> problems.write(response, HttpStatus.FORBIDDEN, NOT_ENOUGH_PRIVILEGES);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.POST, "/api/v1/login/access-token")
                        .permitAll()
                        .requestMatchers(
                                "/api/v1/utils/health-check/",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/docs",
                                "/docs/**",
                                "/swagger-ui/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/error")
                        .permitAll()
                        // the dashboard's page and assets; its data comes from the API with the user's token
                        .requestMatchers(HttpMethod.GET, DASHBOARD_PATHS)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/telemetry/ingest", "/api/v1/users/", "/api/v1/users")
                        .hasAuthority(UserAuthentication.SUPERUSER)
                        // reads of telemetry, patients and alerts: any active user
                        .requestMatchers(HttpMethod.GET, READ_PATHS)
                        .authenticated()
                        // anything else on them would be a write: superusers only, as ingest
                        .requestMatchers(READ_PATHS)
                        .hasAuthority(UserAuthentication.SUPERUSER)
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(currentUser(users)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        dashboard(), new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_POLICY))))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
        return http.build();
    }

    private static RequestMatcher dashboard() {
        return request -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return path.equals("/") || path.equals("/index.html") || path.startsWith("/assets/");
        };
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenSigningKey) {
        return NimbusJwtDecoder.withSecretKey(tokenSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new LongPasswordEncoder();
    }

    /** Looks the token's user up on every request, so a deleted or deactivated user is refused at once. */
    private static Converter<Jwt, AbstractAuthenticationToken> currentUser(UserRepository users) {
        return jwt -> {
            User user = parseId(jwt.getSubject())
                    .flatMap(users::findById)
                    .orElseThrow(() -> new InvalidBearerTokenException("Could not validate credentials"));
            if (!user.active()) {
                throw new DisabledException("Inactive user");
            }
            return new UserAuthentication(user);
        };
    }

    private static java.util.Optional<java.util.UUID> parseId(String subject) {
        try {
            return java.util.Optional.of(java.util.UUID.fromString(subject));
        } catch (IllegalArgumentException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }

    private static String reason(AuthenticationException cause) {
        if (cause instanceof DisabledException) {
            return cause.getMessage();
        }
        if (cause instanceof org.springframework.security.oauth2.server.resource.InvalidBearerTokenException
                || cause instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException) {
            return "Could not validate credentials";
        }
        return "Not authenticated";
    }
}
