package vn.lienthong.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One operating-system process of a scenario (a broker, the simulator, a gateway) with its output in a log file.
 * Every process started is also killed by a JVM shutdown hook, so a failed or interrupted run leaves none behind.
 */
final class ManagedProcess implements AutoCloseable {

    private static final Queue<ManagedProcess> STARTED = new ConcurrentLinkedQueue<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(p -> p.process.destroyForcibly()),
                "reliability-process-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path directory,
                                Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            ManagedProcess started = new ManagedProcess(name, builder.start(), log);
            STARTED.add(started);
            System.out.printf("[reliability] started %s (pid %d), log %s%n", name, started.pid(), log);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Runs a short command to its end (e.g. {@code artemis create}); fails when it fails or outlasts the timeout. */
    static void run(String name, List<String> command, Map<String, String> environment, Path directory, Path log,
                    long timeoutSeconds) {
        ManagedProcess process = start(name, command, environment, directory, log);
        try {
            if (!process.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.kill();
                throw new IllegalStateException(name + " did not finish within " + timeoutSeconds + " s:\n"
                        + process.logTail(30));
            }
            if (process.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed (exit " + process.process.exitValue() + "):\n"
                        + process.logTail(30));
            }
        } catch (InterruptedException e) {
            process.kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            STARTED.remove(process);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** For Awaitility's failFast: a process that died while we wait for it ends the wait with its log. */
    void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited (code " + process.exitValue() + "):\n" + logTail(60));
        }
    }

    Path log() {
        return log;
    }

    /** kill -9: the process gets no chance to finish anything. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid() + ") survived kill -9 for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        STARTED.remove(this);
    }

    /**
     * The end of a scenario: kill -9 too. Nothing these processes hold is needed any more, and a gateway's graceful
     * stop can take Camel's whole shutdown timeout.
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        STARTED.remove(this);
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String logTail(int lines) {
        List<String> all = new ArrayList<>(logText().lines().toList());
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
