package vn.lienthong.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.client.ClientRegistry;

/**
 * OAuth2 bearer tokens (JWT, e.g. client-credentials tokens of the province's LGSP): signed by the configured issuer's
 * key, with its {@code iss}, an {@code aud} naming the gateway, not expired, and a claim naming a configured client.
 */
@Component
public class BearerTokens {

    private final JwtDecoder decoder;
    private final String clientClaim;
    private final ClientRegistry clients;

    public BearerTokens(AccessProperties properties, ClientRegistry clients) {
        AccessProperties.BearerTokens settings = properties.bearerTokens();
        this.clients = clients;
        this.clientClaim = settings.clientClaim() == null || settings.clientClaim().isBlank() ? "client_id"
                : settings.clientClaim();
        this.decoder = settings.enabled() ? decoder(settings) : null;
    }

    public boolean enabled() {
        return decoder != null;
    }

    /** The client a token names; a {@link BadCredentialsException} saying why a token is refused. */
    public Caller authenticate(String token) {
        if (decoder == null) {
            throw new BadCredentialsException("bearer tokens are not accepted (lienthong.security.bearer-tokens)");
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            throw new BadCredentialsException("invalid bearer token: " + e.getMessage());
        }
        String clientId = jwt.getClaimAsString(clientClaim);
        ClientSystem client = clients.byId(clientId).orElseThrow(() -> new BadCredentialsException(
                "the bearer token's " + clientClaim + " names no configured client"));
        return Caller.client(client, "bearer-token");
    }

    private static JwtDecoder decoder(AccessProperties.BearerTokens settings) {
        if (settings.audience() == null || settings.audience().isBlank()) {
            throw new IllegalStateException("lienthong.security.bearer-tokens.audience is required with an issuer");
        }
        NimbusJwtDecoder decoder;
        if (settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        } else if (settings.publicKey() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(settings)).build();
        } else {
            throw new IllegalStateException("lienthong.security.bearer-tokens: set jwk-set-uri or public-key");
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()), audience(settings.audience())));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error wrong = new OAuth2Error("invalid_token", "the token is not for audience " + audience, null);
        return jwt -> {
            List<String> audiences = jwt.getAudience();
            return audiences != null && audiences.contains(audience) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(wrong);
        };
    }

    private static RSAPublicKey publicKey(AccessProperties.BearerTokens settings) {
        try (InputStream pem = settings.publicKey().getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("lienthong.security.bearer-tokens.public-key: cannot read an RSA public "
                    + "key (PEM) from " + settings.publicKey(), e);
        }
    }
}
