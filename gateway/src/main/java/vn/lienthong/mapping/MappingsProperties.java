package vn.lienthong.mapping;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the declarative files live: input formats, portal mappings and code tables.
 *
 * @param directory the {@code mappings/} folder, relative to the working directory unless absolute
 */
@ConfigurationProperties(prefix = "lienthong.mappings")
public record MappingsProperties(@DefaultValue("mappings") Path directory) {

    public MappingsProperties {
        if (directory == null) {
            directory = Path.of("mappings");
        }
    }
}
