package org.duban.cluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A {@link ClusterNode} in a JVM of its own, started with the test class path and the given application arguments:
 * commands go to its standard input, answers ({@code OK}/{@code FAILED}) and the {@code DONE} lines of committed
 * steps are read from its standard output, which is also copied to {@code target/cluster/node-<name>.log}.
 */
final class NodeProcess {

    static final Path LOGS = Path.of("target", "cluster");

    final String name;
    final Process process;
    final int port;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> done = new LinkedBlockingQueue<>();

    private NodeProcess(String name, Process process, Duration startTimeout) throws Exception {
        this.name = name;
        this.process = process;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Files.createDirectories(LOGS);
        PrintWriter logFile = new PrintWriter(Files.newBufferedWriter(LOGS.resolve("node-" + name + ".log"),
                StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    logFile.println(line);
                    if (line.startsWith(ClusterNode.DONE)) {
                        done.add(line.substring(ClusterNode.DONE.length()));
                    } else if (line.startsWith(ClusterNode.READY) || line.startsWith(ClusterNode.OK)
                            || line.startsWith(ClusterNode.FAILED)) {
                        answers.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the node was killed
            } finally {
                logFile.close();
            }
        }, "node-" + name + "-output");
        reader.setDaemon(true);
        reader.start();
        this.port = Integer.parseInt(awaitLine(ClusterNode.READY, startTimeout).substring(ClusterNode.READY.length()));
    }

    /** Starts a node on a free port and waits until the application is up. */
    static NodeProcess start(String name, List<String> applicationArguments, Duration startTimeout)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", testClasspath(), ClusterNode.class.getName(), "--server.port=" + port,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.duban=INFO"));
        command.addAll(applicationArguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            return new NodeProcess(name, process, startTimeout);
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    String send(String command, Duration timeout) throws Exception {
        sendAsync(command);
        return await(timeout);
    }

    void sendAsync(String command) {
        commands.println(command);
    }

    String await(Duration timeout) throws Exception {
        return awaitLine(ClusterNode.OK, timeout).substring(ClusterNode.OK.length());
    }

    long count(String query) throws Exception {
        return Long.parseLong(send("count " + query, Duration.ofMinutes(1)).substring("count ".length()));
    }

    /** The next {@code DONE <reportId> <status>} line, without the prefix. */
    String awaitDone(Duration timeout) throws Exception {
        String line = done.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("node " + name + " finished no step within " + timeout + " (alive: "
                    + process.isAlive() + "); see " + LOGS.resolve("node-" + name + ".log"));
        }
        return line;
    }

    /** Every {@code DONE} line printed so far and not yet taken. */
    List<String> drainDone() {
        List<String> lines = new ArrayList<>();
        done.drainTo(lines);
        return lines;
    }

    private String awaitLine(String prefix, Duration timeout) throws Exception {
        String line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("node " + name + " gave no answer within " + timeout + " (alive: "
                    + process.isAlive() + "); see " + LOGS.resolve("node-" + name + ".log"));
        }
        if (!line.startsWith(prefix)) {
            throw new AssertionError("node " + name + ": " + line + "; see " + LOGS.resolve("node-" + name + ".log"));
        }
        return line;
    }

    /** SIGKILL on Linux: no shutdown hook, no connection closed, no transaction finished. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Closes the node's standard input: it closes its application context and exits. */
    void stop(Duration timeout) throws InterruptedException {
        commands.close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /** Surefire hands the test JVM a manifest-only jar; the real class path is in its manifest. */
    static String testClasspath() throws IOException {
        String own = System.getProperty("surefire.test.class.path");
        if (own != null && !own.isBlank()) {
            return own;
        }
        String path = System.getProperty("java.class.path");
        if (path.endsWith(".jar") && !path.contains(File.pathSeparator)) {
            try (JarFile jar = new JarFile(path)) {
                Manifest manifest = jar.getManifest();
                String entries = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (entries != null) {
                    List<String> files = new ArrayList<>();
                    for (String entry : entries.trim().split("\\s+")) {
                        files.add(Path.of(java.net.URI.create(entry.startsWith("file:") ? entry
                                : new File(entry).toURI().toString())).toString());
                    }
                    return String.join(File.pathSeparator, files);
                }
            }
        }
        return path;
    }
}
