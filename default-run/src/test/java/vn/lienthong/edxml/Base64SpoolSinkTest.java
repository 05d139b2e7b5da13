package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Base64SpoolSinkTest {

    @Test
    void anAttachmentOverTheLimitInOneUnbrokenLineIsRefusedWithItsReason(@TempDir Path dir) {
        Base64SpoolSink sink = new Base64SpoolSink(dir.resolve("attachment.bin"), 100_000);
        char[] text = Base64.getEncoder().encodeToString(new byte[300_000]).toCharArray();

        sink.write(text, 0, text.length);

        assertThat(sink.finish()).isNull();
        assertThat(sink.failure()).contains("attachment limit of 100000 bytes");
        assertThat(dir.resolve("attachment.bin")).doesNotExist();
    }

    @Test
    void anUnbrokenLineUnderTheLimitIsDecodedWhole(@TempDir Path dir) {
        Base64SpoolSink sink = new Base64SpoolSink(dir.resolve("attachment.bin"), 1_000_000);
        char[] text = Base64.getEncoder().encodeToString(new byte[300_000]).toCharArray();

        sink.write(text, 0, text.length);

        assertThat(sink.finish().size()).isEqualTo(300_000);
    }
}
