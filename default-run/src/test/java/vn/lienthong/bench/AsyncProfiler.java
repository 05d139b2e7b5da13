package vn.lienthong.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.tools.attach.VirtualMachine;

/**
 * async-profiler (tools.profiler:async-profiler, on the bench profile's test classpath) loaded into the running gateway
 * through the attach API: a CPU ({@code itimer}) or wall-clock ({@code wall}) profile of every thread, compiler and GC
 * threads included, which JFR does not sample. Writes collapsed stacks (one line per stack: thread;frames count) and
 * prints how the samples split between the gateway's kinds of threads.
 */
final class AsyncProfiler {

    /** The gateway's kinds of threads, by name (first match wins). */
    private static final Map<String, Predicate<String>> THREAD_KINDS = kinds();

    private final Path library;
    private final String event;

    private AsyncProfiler(Path library, String event) {
        this.library = library;
        this.event = event;
    }

    /** The native library taken out of the jar on the classpath into {@code directory}. */
    static AsyncProfiler extractTo(Path directory, String event) throws IOException {
        if (!event.equals("itimer") && !event.equals("wall")) {
            throw new IllegalArgumentException("bench.asprofEvent must be itimer or wall: " + event);
        }
        Files.createDirectories(directory);
        Path library = directory.resolve("libasyncProfiler.so");
        try (InputStream in = AsyncProfiler.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("linux-x64/libasyncProfiler.so is not on the classpath "
                        + "(tools.profiler:async-profiler in the bench profile)");
            }
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        return new AsyncProfiler(library, event);
    }

    void start(long pid) {
        command(pid, "start,event=" + event + ",interval=" + (event.equals("wall") ? "5ms" : "2ms") + ",threads");
    }

    /** Stops the profile and writes it to {@code file}, then prints its split by kind of thread. */
    void stop(long pid, Path file) {
        command(pid, "stop,file=" + file.toAbsolutePath() + ",collapsed");
        System.out.printf("  %s profile of the gateway: %s%n    %s%n", event, file, threadKinds(file));
    }

    private void command(long pid, String options) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                vm.loadAgentPath(library.toString(), options);
            } finally {
                vm.detach();
            }
        } catch (Exception e) {
            throw new IllegalStateException("async-profiler " + options + " in process " + pid + " failed", e);
        }
    }

    /** "consumers 46%, JIT 22%, ..." from a collapsed profile taken with {@code threads}. */
    static String threadKinds(Path collapsed) {
        Map<String, Long> samples = new LinkedHashMap<>();
        THREAD_KINDS.keySet().forEach(kind -> samples.put(kind, 0L));
        long total = 0;
        try (Stream<String> lines = Files.lines(collapsed)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int space = line.lastIndexOf(' ');
                int semicolon = line.indexOf(';');
                if (space < 0) {
                    continue;
                }
                long count = Long.parseLong(line.substring(space + 1));
                String thread = line.substring(0, semicolon < 0 ? space : semicolon);
                String kind = THREAD_KINDS.entrySet().stream().filter(k -> k.getValue().test(thread))
                        .map(Map.Entry::getKey).findFirst().orElseThrow();
                samples.merge(kind, count, Long::sum);
                total += count;
            }
        } catch (IOException e) {
            return "could not read " + collapsed + ": " + e;
        }
        long all = Math.max(1, total);
        StringBuilder split = new StringBuilder(total + " samples:");
        samples.forEach((kind, count) -> split.append(String.format(" %s %.0f%%", kind, 100.0 * count / all)));
        return split.toString();
    }

    private static Map<String, Predicate<String>> kinds() {
        Map<String, Predicate<String>> kinds = new LinkedHashMap<>();
        for (List<String> kind : List.of(
                List.of("delivery consumers", "JmsConsumer"),
                List.of("HTTP", "http-nio"),
                List.of("JIT", "CompilerThre"),
                List.of("GC", "(GC|G1) "),
                List.of("broker", "(ActiveMQ|activemq|InVMConnector)"),
                List.of("database", "(H2|MVStore|HikariPool)"))) {
            kinds.put(kind.get(0), Pattern.compile(kind.get(1)).asPredicate());
        }
        kinds.put("other", thread -> true);
        return kinds;
    }
}
