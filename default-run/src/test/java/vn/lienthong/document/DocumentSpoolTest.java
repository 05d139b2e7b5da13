package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.edxml.EdxmlProperties;

class DocumentSpoolTest {

    @Test
    void filesLeftByAKilledRunAreDeletedAtStart(@TempDir Path dir) throws IOException {
        Path leftover = Files.writeString(dir.resolve("doc-left-by-a-crash.edxml"), "<edXML/>");
        DocumentSpool spool = new DocumentSpool(EdxmlProperties.defaults().withSpoolDirectory(dir));

        spool.deleteLeftovers();

        assertThat(leftover).doesNotExist();
        assertThat(spool.newFile(".edxml").getParent()).isEqualTo(dir);
    }
}
