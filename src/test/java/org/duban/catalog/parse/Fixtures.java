package org.duban.catalog.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.duban.org.StaticUnitDirectory;

/** Shared inputs for the parser tests: the shipped registry, the seed, crafted files. */
final class Fixtures {

    static final StaticUnitDirectory UNITS = StaticUnitDirectory.load();

    /** 各县区政府、管委会: every county, then every zone, in registry order. */
    static final List<String> COUNTIES_AND_ZONES = List.of("牡丹区", "定陶区", "曹县", "单县", "成武县", "巨野县", "郓城县",
            "鄄城县", "东明县", "菏泽经济技术开发区", "菏泽高新技术产业开发区");

    static final String SEED = "/catalog/seed/heze-2023.txt";

    private Fixtures() {
    }

    static CatalogParser parser() {
        return new CatalogParser(UNITS);
    }

    static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedPlan parse(byte[] content, String name) {
        try {
            return parser().parse(content, name);
        } catch (CatalogParseException e) {
            throw new AssertionError("unexpected: " + e.getMessage(), e);
        }
    }

    static ParsedPlan parseText(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8), "test.txt");
    }

    static ParsedPlan seed() {
        return parse(resource(SEED), "heze-2023.txt");
    }

    static ParsedTask task(ParsedPlan plan, int number) {
        return plan.allTasks().stream().filter(t -> t.number() == number).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + number));
    }
}
