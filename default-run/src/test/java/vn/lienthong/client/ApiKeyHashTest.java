package vn.lienthong.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The documented command prints a new key and the configuration entry the gateway then finds the client by. */
class ApiKeyHashTest {

    @Test
    void theCommandPrintsANewKeyAndItsHash() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            ApiKeyHash.main(new String[0]);
        } finally {
            System.setOut(out);
        }
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        String key = lines[0].substring(lines[0].lastIndexOf(' ') + 1).strip();
        String hash = lines[1].substring(lines[1].lastIndexOf(' ') + 1).strip();

        assertThat(key).hasSize(43);
        assertThat(hash).isEqualTo(ApiKeyHash.of(key)).startsWith("sha256:").hasSize(7 + 64);
        assertThat(ApiKeyHash.normalise(hash.toUpperCase().replace("SHA256:", "sha256:"))).isEqualTo(hash);
    }

    @Test
    void theHashIsTheSha256OfTheKeysUtf8Bytes() {
        // the key and hash of motcua-thaibinh in src/test/resources/security/clients.properties
        assertThat(ApiKeyHash.of("thaibinh-motcua-key-0123456789"))
                .isEqualTo("sha256:cc9a97f93b86b95162f9a98ac15195e8cfb0bb97af754c39bf7e9d0a385f2579");
        assertThat(ApiKeyHash.normalise("md5:abc")).isNull();
    }
}
