package org.duban.catalog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Property-based tests of the catalog parser (jqwik: generated inputs, shrunk to the smallest failing one). Whatever
 * arrives — random bytes, text from the document's own alphabet mixed with control characters, emoji and HTML, the
 * seed plan with lines deleted, duplicated, swapped, cut or garbled — the parser either reads it, with every warning
 * pointing at its line, or refuses it with {@link CatalogParseException} naming the file. Nothing else escapes.
 * Round trips: the same text in UTF-8, UTF-8 with BOM, GB18030 and with CRLF line ends parses to the same plan.
 */
class CatalogParserProperties {

    private static final CatalogParser PARSER = Fixtures.parser();
    private static final List<String> SEED_LINES = List.of(
            new String(Fixtures.resource(Fixtures.SEED), StandardCharsets.UTF_8).split("\n", -1));
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Every warning names where: a text line (第N行), a .docx paragraph (第N段) or table row (表N第M行). */
    private static final Pattern LOCATION = Pattern.compile("第(\\d+)行|第\\d+段|表\\d+第\\d+行");
    private static final String DOCUMENT_ALPHABET = "1234567890.．、。，；：（）()一二三四五六七八九十牵头单位参与部门"
            + "各县区政府管委会有关市局%万亿家个以上左右约—\n\r\t 　“”《》曹县单县郓城县市科技局市发展改革委按职责分工负责";
    /** What hostile or careless input adds: controls, zero-width and direction marks, BOM, emoji, markup. */
    private static final List<String> HOSTILE = List.of("\u0000", "\u0007", "\u001B", "\u007F", "\u200B", "\u202E",
            "\uFEFF", "\u00A0", "😀", "👩‍💻", "<script>alert(1)</script>", "<b>", "&amp;", "'; drop table plan; --",
            "１２３", "①", "\r", "\u2028", "%s%n", "${jndi:ldap://x}", "牵头单位：", "（", "）", "1. ", "一、");

    @Property(tries = 300)
    void anyBytesAreReadOrRefusedWithTheFileName(@ForAll @Size(max = 3000) byte[] bytes) {
        readOrRefuse(bytes, "fuzz.bin");
    }

    @Property(tries = 300)
    void anyTextIsReadOrRefused(@ForAll("documentText") String text) {
        readOrRefuse(text.getBytes(StandardCharsets.UTF_8), "fuzz.txt");
        readOrRefuse(text.getBytes(GB18030), "fuzz-gb.txt");
    }

    @Property(tries = 200)
    void theSeedWithMangledLinesParsesWithEveryWarningOnARealLine(@ForAll("mutations") List<Mutation> mutations) {
        String text = String.join("\n", apply(mutations));
        // counted as the parser and an editor count them: inserted text may hold CR or CRLF too
        int lineCount = text.split("\r\n|\r|\n", -1).length;
        ParsedPlan plan = readOrRefuse(text.getBytes(StandardCharsets.UTF_8), "mangled.txt");
        if (plan == null) {
            return;
        }
        assertThat(plan.allTasks()).isNotEmpty();
        for (String warning : plan.warnings()) {
            Matcher where = LOCATION.matcher(warning);
            assertThat(where.find()).as("warning names its line: %s", warning).isTrue();
            int line = Integer.parseInt(where.group(1));
            assertThat(line).as("line of %s", warning).isBetween(1, lineCount);
        }
    }

    @Property(tries = 100)
    void encodingsAndLineEndsDoNotChangeThePlan(@ForAll("mutations") List<Mutation> mutations) {
        String text = String.join("\n", apply(mutations));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        String plain = outcome(utf8);
        assertThat(outcome(bom)).isEqualTo(plain);
        assertThat(outcome(text.getBytes(GB18030))).isEqualTo(plain);
        // line ends: the same lines with LF and with CRLF (a lone CR in the text is a line end of its own)
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        assertThat(outcome(lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(outcome(lf.getBytes(StandardCharsets.UTF_8)));
    }

    @Property
    void chineseSectionNumeralsRoundTrip(@ForAll @IntRange(min = 1, max = 99) int n) {
        assertThat(ChineseNumerals.parse(ChineseNumerals.format(n))).isEqualTo(n);
    }

    @Property(tries = 300)
    void normalisingALineTwiceChangesNothingMore(@ForAll("documentText") String line) {
        String once = TextNormalizer.normalizeLine(line);
        assertThat(TextNormalizer.normalizeLine(once)).isEqualTo(once);
    }

    /** The parsed plan as JSON, or the refusal's reason without the file name: what two inputs are compared by. */
    private static String outcome(byte[] content) {
        try {
            return CatalogJson.toJson(PARSER.parse(content, "same.txt"));
        } catch (CatalogParseException e) {
            return "refused: " + e.getMessage();
        }
    }

    /** The plan, or null when refused as documented; any other throwable fails the property. */
    private static ParsedPlan readOrRefuse(byte[] content, String name) {
        try {
            ParsedPlan plan = PARSER.parse(content, name);
            CatalogJson.toJson(plan);
            return plan;
        } catch (CatalogParseException e) {
            assertThat(e.getMessage()).contains(name).doesNotContain("\n").doesNotContain("\tat ");
            return null;
        }
    }

    @Provide
    Arbitrary<String> documentText() {
        Arbitrary<String> plain = Arbitraries.strings().withChars(DOCUMENT_ALPHABET.toCharArray()).ofMaxLength(400);
        Arbitrary<String> hostile = Arbitraries.of(HOSTILE);
        Arbitrary<String> anyUnicode = Arbitraries.strings().all().ofMaxLength(40)
                .map(CatalogParserProperties::withoutLoneSurrogates);
        return Arbitraries.oneOf(plain, hostile, anyUnicode).list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    /** One edit of the seed's lines; positions are fractions so they fit whatever length the text has by then. */
    record Mutation(Kind kind, double at, double other, String text) {
        enum Kind {
            DELETE, DUPLICATE, SWAP, INSERT, CUT, GARBLE
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(Mutation.Kind.class),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.oneOf(Arbitraries.of(HOSTILE), documentText())).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    private static List<String> apply(List<Mutation> mutations) {
        List<String> lines = new ArrayList<>(SEED_LINES);
        for (Mutation m : mutations) {
            if (lines.isEmpty()) {
                lines.add(m.text());
                continue;
            }
            int i = Math.min(lines.size() - 1, (int) (m.at() * lines.size()));
            int j = Math.min(lines.size() - 1, (int) (m.other() * lines.size()));
            String line = lines.get(i);
            switch (m.kind()) {
                case DELETE -> lines.remove(i);
                case DUPLICATE -> lines.add(i, line);
                case SWAP -> {
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case INSERT -> lines.add(i, m.text());
                case CUT -> lines.set(i, withoutLoneSurrogates(line.substring(0, (int) (m.other() * line.length()))));
                case GARBLE -> {
                    int at = (int) (m.other() * line.length());
                    lines.set(i, withoutLoneSurrogates(line.substring(0, at) + m.text() + line.substring(at)));
                }
                default -> throw new IllegalStateException();
            }
        }
        return lines;
    }

    /** Lone surrogates cannot be encoded at all, so they would test the encoder instead of the parser. */
    private static String withoutLoneSurrogates(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
