package org.duban.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@link RestartAfterKillContract} on the embedded H2 file database of the default profile, with the settings of
 * its URL in {@code application.yaml} (they decide what a kill loses); the file lives under {@code target/durability}.
 */
class RestartAfterKillH2Test extends RestartAfterKillContract {

    private static final Path DIRECTORY = Path.of("target", "durability").toAbsolutePath();
    private static final String URL = "jdbc:h2:file:" + DIRECTORY.resolve("duban-" + ProcessHandle.current().pid())
            + defaultProfileUrlSettings();

    /** {@code ;DB_CLOSE_ON_EXIT=FALSE;...} from the default profile's {@code jdbc:h2:file:./data/duban;...}. */
    private static String defaultProfileUrlSettings() {
        try (var in = RestartAfterKillH2Test.class.getResourceAsStream("/application.yaml")) {
            Matcher url = Pattern.compile("url:\\s*jdbc:h2:file:[^;\\s]+(\\S*)")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!url.find()) {
                throw new IllegalStateException("no H2 file URL in application.yaml");
            }
            return url.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + URL);
    }

    @Override
    protected void createDatabase() throws IOException {
        dropDatabase();
        Files.createDirectories(DIRECTORY);
    }

    @Override
    protected void dropDatabase() throws IOException {
        if (!Files.isDirectory(DIRECTORY)) {
            return;
        }
        String prefix = "duban-" + ProcessHandle.current().pid() + ".";
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.delete(file);
            }
        }
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "sa", "");
    }

    @Override
    protected String label() {
        return "h2";
    }
}
