package org.duban.org;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The unit registry shipped with Duban ({@code heze-units.tsv}): the Heze defaults an admin starts from. One line per
 * unit: code, canonical name, type, aliases separated by {@code |}.
 */
public final class RegistryFile {

    public static final String DEFAULT_RESOURCE = "/org/duban/org/heze-units.tsv";

    public record Entry(String code, String name, UnitType type, List<String> aliases) {
        public UnitRef toRef() {
            return new UnitRef(code, name, type);
        }
    }

    private RegistryFile() {
    }

    public static List<Entry> readDefault() {
        try (InputStream in = RegistryFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Unit registry " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return read(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> read(InputStream in, String source) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < 3) {
                throw new IllegalStateException(source + " line " + lineNo + ": expected code, name, type");
            }
            List<String> aliases = cols.length > 3 && !cols[3].isBlank()
                    ? Arrays.stream(cols[3].split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                    : List.of();
            entries.add(new Entry(cols[0].strip(), cols[1].strip(), UnitType.valueOf(cols[2].strip()), aliases));
        }
        return entries;
    }
}
