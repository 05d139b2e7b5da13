package vn.lienthong.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Finds the folder holding {@code routes/} and {@code mappings/} before anything starts: the working directory, else
 * {@code lienthong.home} (env {@code LIENTHONG_HOME}), else the jar's folder, its parent or the parent's parent (so
 * {@code java -jar gateway/target/lienthong-gateway.jar} works from anywhere in a checkout). Started elsewhere, the gateway used to die with a trace whose cause sat
 * six levels deep and leave a stray {@code data/}; now it stops with one line saying what is missing and where it
 * looked. Profiles that load no routes (the simulators on their own) are not checked.
 */
public class GatewayHome implements EnvironmentPostProcessor {

    static final String ROUTES_PATTERN = "camel.main.routes-include-pattern";
    static final String MAPPINGS = "lienthong.mappings.directory";
    static final String HOME = "lienthong.home";
    /** Other files under mappings/ that have a setting of their own, with their defaults. */
    static final Map<String, String> MAPPING_FILES = Map.of("lienthong.edxml.schema", "mappings/edxml/edxml.xsd");

    private final Path workingDirectory;
    private final Path jarDirectory;

    public GatewayHome() {
        this(Path.of("").toAbsolutePath(), jarDirectory());
    }

    GatewayHome(Path workingDirectory, Path jarDirectory) {
        this.workingDirectory = workingDirectory;
        this.jarDirectory = jarDirectory;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("camel.main.routes-collector-enabled", Boolean.class, true)) {
            return;
        }
        String pattern = environment.getProperty(ROUTES_PATTERN, "");
        String mappings = environment.getProperty(MAPPINGS, "mappings");
        String routes = routesFolder(pattern);
        if (routes == null || Path.of(mappings).isAbsolute()) {
            return; // an absolute or unusual setting is the operator's own choice: taken as it is
        }
        Set<Path> looked = new LinkedHashSet<>();
        for (Path candidate : candidates(environment.getProperty(HOME))) {
            looked.add(candidate);
            if (Files.isDirectory(candidate.resolve(routes)) && Files.isDirectory(candidate.resolve(mappings))) {
                if (!candidate.equals(workingDirectory)) {
                    environment.getPropertySources().addFirst(new MapPropertySource("lienthong-home",
                            resolved(environment, candidate, pattern, mappings)));
                }
                return;
            }
        }
        throw new GatewayHomeMissingException(routes, mappings, List.copyOf(looked));
    }

    private static Map<String, Object> resolved(ConfigurableEnvironment environment, Path home, String pattern,
                                                String mappings) {
        Map<String, Object> resolved = new HashMap<>();
        resolved.put(ROUTES_PATTERN, "file:" + home.resolve(pattern.substring("file:".length())));
        resolved.put(MAPPINGS, home.resolve(mappings).toString());
        MAPPING_FILES.forEach((property, defaultValue) -> {
            Path file = Path.of(environment.getProperty(property, defaultValue));
            if (!file.isAbsolute()) {
                resolved.put(property, home.resolve(file).toString());
            }
        });
        return resolved;
    }

    private List<Path> candidates(String home) {
        List<Path> candidates = new ArrayList<>();
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home).toAbsolutePath().normalize());
        }
        candidates.add(workingDirectory);
        // the jar's folder, its parent, the parent's parent
        Path folder = jarDirectory;
        for (int level = 0; level < 3 && folder != null; level++, folder = folder.getParent()) {
            candidates.add(folder);
        }
        return candidates;
    }

    /** {@code file:routes/*.yaml} gives {@code routes/}; anything else (classpath:, several patterns) gives null. */
    static String routesFolder(String pattern) {
        if (!pattern.startsWith("file:") || pattern.contains(",")) {
            return null;
        }
        String path = pattern.substring("file:".length());
        int glob = path.indexOf('*');
        String folder = glob < 0 ? path : path.substring(0, glob);
        folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/') + 1) : "";
        if (folder.isEmpty() || Path.of(folder).isAbsolute()) {
            return null;
        }
        return folder;
    }

    private static Path jarDirectory() {
        try {
            return new ApplicationHome(GatewayHome.class).getDir().toPath().toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
