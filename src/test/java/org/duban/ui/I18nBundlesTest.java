package org.duban.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every UI bundle comes in both languages with the same keys, so no screen shows a "!key" marker in one language
 * only, and the provider searches every bundle that exists.
 */
class I18nBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    @Test
    void everyKeyOfEveryBundleExistsInEnglishAndInChinese() throws IOException {
        List<String> names = bundleNames();
        assertThat(names).contains("messages", "work", "review", "ledger");
        for (String name : names) {
            Path english = BUNDLES.resolve(name + ".properties");
            Path chinese = BUNDLES.resolve(name + "_zh_CN.properties");
            assertThat(english).as("English file of bundle %s", name).exists();
            assertThat(chinese).as("Chinese file of bundle %s", name).exists();
            Set<String> en = keys(english);
            Set<String> zh = keys(chinese);
            assertThat(en).as("bundle %s", name).isNotEmpty();
            Set<String> onlyEnglish = new TreeSet<>(en);
            onlyEnglish.removeAll(zh);
            Set<String> onlyChinese = new TreeSet<>(zh);
            onlyChinese.removeAll(en);
            assertThat(onlyEnglish).as("keys of %s missing in %s", name, chinese.getFileName()).isEmpty();
            assertThat(onlyChinese).as("keys of %s missing in %s", name, english.getFileName()).isEmpty();
        }
    }

    @Test
    void aValueIsBlankInBothLanguagesOrInNeither() throws IOException {
        // blank on purpose exists (the EXACT comparator shows no word); blank in one language only is a slip
        for (String name : bundleNames()) {
            Properties zh = load(BUNDLES.resolve(name + "_zh_CN.properties"));
            Properties en = load(BUNDLES.resolve(name + ".properties"));
            for (String key : zh.stringPropertyNames()) {
                assertThat(en.getProperty(key, "").isBlank()).as("%s blank in %s vs %s_zh_CN", key, name, name)
                        .isEqualTo(zh.getProperty(key).isBlank());
            }
        }
    }

    @Test
    void theProviderSearchesEveryBundleThatExists() throws IOException {
        assertThat(DubanI18nProvider.BUNDLES).containsAll(bundleNames());
    }

    private static List<String> bundleNames() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".properties"))
                    .map(f -> f.replaceFirst("(_zh_CN)?\\.properties$", "")).distinct().sorted().toList();
        }
    }

    private static Set<String> keys(Path file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
