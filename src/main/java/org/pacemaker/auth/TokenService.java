package org.pacemaker.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;

/** Issues access tokens: HS256 JWTs whose subject is the user id, as the original does. */
@Service
class TokenService {

    private final NimbusJwtEncoder encoder;
    private final Duration lifetime;

    TokenService(SecretKey tokenSigningKey, SecuritySettings settings) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey));
        this.lifetime = Duration.ofMinutes(settings.accessTokenExpireMinutes());
    }

    String issue(UUID userId) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
