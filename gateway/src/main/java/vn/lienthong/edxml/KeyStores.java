package vn.lienthong.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** Loads a PKCS#12 (or JKS) keystore from a file path or {@code classpath:...}. */
final class KeyStores {

    private static final String CLASSPATH = "classpath:";

    private KeyStores() {
    }

    static KeyStore load(String location, String password) {
        try (InputStream in = open(location)) {
            KeyStore store = KeyStore.getInstance(location.toLowerCase().endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load keystore " + location + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
            InputStream in = KeyStores.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no class path resource " + resource);
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }
}
