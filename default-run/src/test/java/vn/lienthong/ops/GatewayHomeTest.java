package vn.lienthong.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The gateway finds routes/ and mappings/ where it is started, or beside its jar, or says in one line where it looked. */
class GatewayHomeTest {

    @TempDir
    Path root;

    @Test
    void startedInTheProjectFolderItKeepsTheRelativeSettings() throws IOException {
        Path project = project("project");
        StandardEnvironment environment = environment(Map.of());
        new GatewayHome(project, project.resolve("target")).postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(GatewayHome.ROUTES_PATTERN)).isEqualTo("file:routes/*.yaml");
        assertThat(environment.getProperty(GatewayHome.MAPPINGS)).isEqualTo("mappings");
    }

    @Test
    void startedElsewhereItTakesTheFoldersBesideTheJar() throws IOException {
        Path project = project("project");
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        StandardEnvironment environment = environment(Map.of());
        new GatewayHome(elsewhere, project.resolve("target")).postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(GatewayHome.ROUTES_PATTERN))
                .isEqualTo("file:" + project.resolve("routes/*.yaml"));
        assertThat(environment.getProperty(GatewayHome.MAPPINGS)).isEqualTo(project.resolve("mappings").toString());
        assertThat(environment.getProperty("lienthong.edxml.schema"))
                .isEqualTo(project.resolve("mappings/edxml/edxml.xsd").toString());
    }

    @Test
    void startedElsewhereFromACheckoutItTakesTheFoldersTwoAboveTheModulesJar() throws IOException {
        Path project = project("checkout");
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        StandardEnvironment environment = environment(Map.of());
        new GatewayHome(elsewhere, Files.createDirectories(project.resolve("gateway/target")))
                .postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(GatewayHome.ROUTES_PATTERN))
                .isEqualTo("file:" + project.resolve("routes/*.yaml"));
        assertThat(environment.getProperty(GatewayHome.MAPPINGS)).isEqualTo(project.resolve("mappings").toString());
    }

    @Test
    void lienthongHomeNamesTheFolder() throws IOException {
        Path release = project("release");
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        StandardEnvironment environment = environment(Map.of(GatewayHome.HOME, release.toString()));
        new GatewayHome(elsewhere, null).postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(GatewayHome.MAPPINGS)).isEqualTo(release.resolve("mappings").toString());
    }

    @Test
    void foundNowhereItStopsWithOneLineNamingWhatAndWhere() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Path jar = Files.createDirectories(root.resolve("dist/lib"));
        GatewayHome home = new GatewayHome(elsewhere, jar);
        assertThatThrownBy(() -> home.postProcessEnvironment(environment(Map.of()), new SpringApplication()))
                .isInstanceOfSatisfying(GatewayHomeMissingException.class, e -> {
                    assertThat(e.getMessage()).contains("routes/", "mappings/", elsewhere.toString(), jar.toString(),
                            root.resolve("dist").toString(), "LIENTHONG_HOME").doesNotContain("\n");
                    FailureAnalysis analysis = new GatewayHomeFailureAnalyzer().analyze(new IllegalStateException(e));
                    assertThat(analysis.getDescription()).isEqualTo(e.getMessage());
                });
        assertThat(elsewhere.resolve("data")).doesNotExist();
    }

    @Test
    void theSimulatorsOnTheirOwnNeedNoRoutes() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        StandardEnvironment environment = environment(Map.of("camel.main.routes-collector-enabled", "false"));
        new GatewayHome(elsewhere, null).postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(GatewayHome.MAPPINGS)).isEqualTo("mappings");
    }

    private Path project(String name) throws IOException {
        Path project = root.resolve(name);
        Files.createDirectories(project.resolve("routes"));
        Files.createDirectories(project.resolve("mappings"));
        Files.createDirectories(project.resolve("target"));
        return project;
    }

    private static StandardEnvironment environment(Map<String, Object> extra) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("test", extra));
        environment.getPropertySources().addLast(new MapPropertySource("application", Map.of(
                GatewayHome.ROUTES_PATTERN, "file:routes/*.yaml", GatewayHome.MAPPINGS, "mappings")));
        return environment;
    }
}
