package vn.lienthong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The jar the Dockerfile ships ({@code gateway/target/lienthong-gateway.jar}, checked right after {@code package}):
 * the runnable gateway, with no simulator class in it, its own or in a library.
 */
class ProductionJarIT {

    private static final Path JAR = Path.of(System.getProperty("lienthong.gatewayJar", "target/lienthong-gateway.jar"));

    @Test
    void isTheRunnableGatewayWithoutSimulators() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> entries = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();

            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo(LienthongApplication.class.getName());
            assertThat(entries).contains("BOOT-INF/classes/vn/lienthong/LienthongApplication.class",
                    "BOOT-INF/classes/application.yaml");
            assertThat(entries).filteredOn(name -> name.contains("simulator")).isEmpty();
            assertThat(entries).filteredOn(name -> name.startsWith("BOOT-INF/lib/lienthong")).isEmpty();
        }
    }
}
