package vn.lienthong.ops;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Neither the working directory nor the jar's folder holds the routes and mappings the gateway runs. */
public class GatewayHomeMissingException extends IllegalStateException {

    GatewayHomeMissingException(String routes, String mappings, List<Path> looked) {
        super("lienthong needs the folders " + routes + " and " + mappings + "/ and found them in none of "
                + looked.stream().map(Path::toString).collect(Collectors.joining(", "))
                + ": start it from the project folder or set LIENTHONG_HOME to the folder holding them");
    }
}
