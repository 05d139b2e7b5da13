package vn.lienthong.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** A local token issuer for the tests: an RSA key pair made once per test run, no external issuer. */
public final class TestTokens {

    public static final String ISSUER = "https://lgsp.test.example/oauth2";
    public static final String AUDIENCE = "lienthong";

    private static final KeyPair ISSUER_KEY = generate();
    private static final KeyPair OTHER_KEY = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("lgsp-public", ".pem");
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(ISSUER_KEY.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(publicKeyFile, pem);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return publicKeyFile;
    }

    /** A client-credentials token for {@code clientId}, valid for five minutes. */
    public static String valid(String clientId) {
        return token(ISSUER_KEY, ISSUER, List.of(AUDIENCE), clientId, Instant.now().plusSeconds(300));
    }

    public static String token(boolean issuerKey, String issuer, List<String> audience, String clientId,
            Instant expiresAt) {
        return token(issuerKey ? ISSUER_KEY : OTHER_KEY, issuer, audience, clientId, expiresAt);
    }

    private static String token(KeyPair key, String issuer, List<String> audience, String clientId,
            Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience)
                .claim("client_id", clientId).subject(clientId)
                .issueTime(Date.from(expiresAt.minusSeconds(600))).expirationTime(Date.from(expiresAt)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static RSAPublicKey publicKey() {
        return (RSAPublicKey) ISSUER_KEY.getPublic();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
