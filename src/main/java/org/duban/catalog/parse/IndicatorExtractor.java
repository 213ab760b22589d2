package org.duban.catalog.parse;

import org.duban.catalog.Comparator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the quantitative targets in a task's (normalised) text: a figure followed by a unit of measure.
 *
 * <p>Comparator rules, in order: a range (2—3家) is AT_LEAST its lower bound, because reaching the lower bound
 * fulfils the target and the upper bound is aspiration (the phrase keeps the full range); 余/多 between figure and
 * unit (400余家) is AT_LEAST; a suffix decides next (以上 → AT_LEAST, 以内/以下 → AT_MOST, 左右 → ABOUT); then a
 * prefix shortly before the figure (不少于/不低于/至少/超过 → AT_LEAST, 控制在/不超过 → AT_MOST, 约/近 → ABOUT);
 * otherwise EXACT.
 *
 * <p>Figures that are not targets are left out:
 * <ul>
 * <li>years, document numbers, ordinals and road numbers (2023年, 〔2022〕18号, 第9届, 国道106) — no unit or a 第/国道 in
 * front;</li>
 * <li>anything inside quotation or title marks (“231”, “八抓20条”, 《…（2023—2025年）》, “15分钟…服务圈”);</li>
 * <li>a figure glued to letters (5G);</li>
 * <li>qualifiers: a money/power/area/volume figure directly followed by the noun it describes, with or without
 * 以上/以下/的 in between (投资500万元以上技术改造项目, 30万千瓦以下低效煤电机组, 营业收入过10亿元企业, 陶驿500千伏输变电工程):
 * they say which things count, not how many. Counts followed by a noun are targets (26家企业开展…, 40%以上的县域医共体);</li>
 * <li>rankings: 前/后N位|名, and the reference population 全国168个城市 — a position, not a quantity to reach;</li>
 * <li>counts of rules: N条 after the body that issued them or before 和/措施/规定/… (国务院安委会15条, 20条措施);
 * other N条 are counts (新建道路5条).</li>
 * </ul>
 */
final class IndicatorExtractor {

    private enum Kind {
        COUNT, MEASURE
    }

    private record UnitOfMeasure(String name, Kind kind, String notFollowedBy) {
        String regex() {
            String quoted = Pattern.quote(name);
            return notFollowedBy.isEmpty() ? quoted : quoted + "(?![" + notFollowedBy + "])";
        }
    }

    private static final List<UnitOfMeasure> UNITS = List.of(
            // money, power, energy, volume, area, weight, length, time: figures that can also describe a thing
            m("亿千瓦时"), m("万千瓦时"), m("千瓦时"), m("万千瓦"), m("千瓦"), m("千伏"),
            m("亿立方米"), m("万立方米"), m("立方米"), m("平方公里"), m("万平方米"), m("平方米"),
            m("万亩"), m("亩"), m("亿元"), m("万元"), m("元"), m("亿斤"), m("万斤"), m("万吨"), m("吨"),
            m("公里"), m("千米"), m("个工作日"), m("工作日"), m("小时"), m("分钟"), new UnitOfMeasure("天", Kind.MEASURE, "然"),
            // counts
            c("个百分点"), c("百分点"), c("%"), c("万户"), c("户"), c("万人次"), c("人次"), c("万人"),
            new UnitOfMeasure("人", Kind.COUNT, "才员民口均"), new UnitOfMeasure("名", Kind.COUNT, "单称牌额"),
            new UnitOfMeasure("家", Kind.COUNT, "庭族"), c("个"), new UnitOfMeasure("项", Kind.COUNT, "目"), c("张"),
            c("所"), new UnitOfMeasure("处", Kind.COUNT, "理置罚"), c("座"), new UnitOfMeasure("场", Kind.COUNT, "景地所"),
            new UnitOfMeasure("部", Kind.COUNT, "门署分件"), new UnitOfMeasure("条", Kind.COUNT, "件例"),
            new UnitOfMeasure("位", Kind.COUNT, "置于"), new UnitOfMeasure("批", Kind.COUNT, "准复次"), c("次"), c("件"),
            c("台"), c("套"), c("辆"), c("种"), c("万头"), c("头"), c("万只"), c("只"), c("倍"));

    private static final Map<String, Kind> KIND_BY_UNIT = UNITS.stream()
            .collect(Collectors.toMap(UnitOfMeasure::name, UnitOfMeasure::kind));

    /** 1500, 24.18, and 1,500 with thousands separators. */
    private static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
    private static final Pattern FIGURE = Pattern.compile("(?<![0-9A-Za-z.．第])(?<!\\d,)(" + NUMBER + ")"
            + "(?:\\s*[—–\\-~～至到]{1,2}\\s*(" + NUMBER + "))?"
            + "\\s*([余多])?\\s*("
            + String.join("|", UNITS.stream()
                    .sorted(java.util.Comparator.comparingInt((UnitOfMeasure u) -> -u.name().length())) // longest first
                    .map(UnitOfMeasure::regex).toList())
            + ")(?![A-Za-z])");

    private static final Pattern SUFFIX = Pattern.compile("^\\s*(及以上|以上|[（(]含[）)]以上|以内|及以下|以下|左右|上下)");
    private static final List<Map.Entry<String, Comparator>> PREFIXES = List.of(
            Map.entry("不少于", Comparator.AT_LEAST),
            Map.entry("不低于", Comparator.AT_LEAST),
            Map.entry("至少", Comparator.AT_LEAST),
            Map.entry("超过", Comparator.AT_LEAST),
            Map.entry("多于", Comparator.AT_LEAST),
            Map.entry("大于", Comparator.AT_LEAST),
            Map.entry("高于", Comparator.AT_LEAST),
            Map.entry("不超过", Comparator.AT_MOST),
            Map.entry("不高于", Comparator.AT_MOST),
            Map.entry("不多于", Comparator.AT_MOST),
            Map.entry("控制在", Comparator.AT_MOST),
            Map.entry("少于", Comparator.AT_MOST),
            Map.entry("低于", Comparator.AT_MOST));
    /** How far (in characters) a prefix such as 至少 may stand before its figure: 至少建成运行1座. */
    private static final int PREFIX_WINDOW = 6;

    private static final String MAJOR_DELIMITERS = "，。；;！？：:,!?";
    private static final String MINOR_DELIMITERS = "、";
    private static final String OPENERS = "“‘《「『〈【（(\"";
    private static final String CLOSERS = "”’》」』〉】）)\"";
    /** Only these openers hide figures; parentheses do not (达标县（区）80%…). */
    private static final String QUOTES = "“‘《「『〈\"";
    /** A quotation longer than this is taken as an unbalanced mark, not a quotation. */
    private static final int MAX_QUOTE = 80;

    private static UnitOfMeasure m(String name) {
        return new UnitOfMeasure(name, Kind.MEASURE, "");
    }

    private static UnitOfMeasure c(String name) {
        return new UnitOfMeasure(name, Kind.COUNT, "");
    }

    private record Figure(int start, int end, BigDecimal value, String unit, Comparator comparator) {
    }

    List<ParsedIndicator> extract(String text) {
        boolean[] quoted = new boolean[text.length()];
        boolean[] bracketed = new boolean[text.length()];
        markEnclosed(text, quoted, bracketed);

        List<Figure> figures = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            if (quoted[m.start()] || isExcluded(text, m)) {
                continue;
            }
            BigDecimal value = new BigDecimal(m.group(1).replace(",", ""));
            figures.add(new Figure(m.start(), m.end() + suffixLength(text, m.end()), value, m.group(4),
                    comparator(text, m)));
        }

        List<ParsedIndicator> indicators = new ArrayList<>();
        for (Figure figure : figures) {
            indicators.add(new ParsedIndicator(phrase(text, figure, figures, bracketed), figure.value(), figure.unit(),
                    figure.comparator()));
        }
        return indicators;
    }

    private static boolean isExcluded(String text, Matcher m) {
        String before = text.substring(Math.max(0, m.start() - 3), m.start());
        String unit = m.group(4);
        int afterUnit = m.end();
        String after = text.substring(afterUnit, Math.min(text.length(), afterUnit + 4));

        if (before.endsWith("国道") || before.endsWith("省道") || before.endsWith("县道")) {
            return true; // road numbers
        }
        if ((before.endsWith("前") || before.endsWith("后")) && (unit.equals("位") || unit.equals("名"))) {
            return true; // a rank: 退出后20位
        }
        if ((before.endsWith("全国") || before.endsWith("全省") || before.endsWith("全球")) && unit.equals("个")
                && after.matches("^(城市|地市|省|国家|县).*")) {
            return true; // the population a rank refers to: 全国168个城市的后20位
        }
        if (unit.equals("条") && (before.matches(".*[会院委部厅办]$") || after.matches("^([和及与]|措施|规定|意见|要求|政策|举措).*"))) {
            return true; // a set of rules named by its size: 国务院安委会15条和…, 20条措施
        }
        return KIND_BY_UNIT.get(unit) == Kind.MEASURE && describesAThing(text, afterUnit);
    }

    /** 500万元以上技术改造项目, 500千伏输变电工程: after the unit (and 以上/以下/的), a noun follows. */
    private static boolean describesAThing(String text, int afterUnit) {
        int i = afterUnit;
        Matcher suffix = SUFFIX.matcher(text.substring(i));
        if (suffix.find()) {
            i += suffix.end();
        }
        if (i < text.length() && text.charAt(i) == '的') {
            i++;
        }
        if (i >= text.length()) {
            return false;
        }
        char next = text.charAt(i);
        return TextNormalizer.isCjkIdeograph(next) && "和及与或等".indexOf(next) < 0;
    }

    private static int suffixLength(String text, int afterUnit) {
        Matcher s = SUFFIX.matcher(text.substring(afterUnit));
        return s.find() ? s.end() : 0;
    }

    private static Comparator comparator(String text, Matcher m) {
        if (m.group(2) != null || m.group(3) != null) {
            return Comparator.AT_LEAST; // 2—3家 (lower bound), 400余家
        }
        Matcher s = SUFFIX.matcher(text.substring(m.end()));
        if (s.find()) {
            String word = s.group(1);
            if (word.endsWith("以上")) {
                return Comparator.AT_LEAST;
            }
            if (word.equals("左右") || word.equals("上下")) {
                return Comparator.ABOUT;
            }
            return Comparator.AT_MOST;
        }
        int start = m.start();
        if (start > 0 && (text.charAt(start - 1) == '约' || text.charAt(start - 1) == '近')) {
            return Comparator.ABOUT;
        }
        String window = text.substring(Math.max(0, start - PREFIX_WINDOW - 3), start);
        Comparator best = Comparator.EXACT;
        int bestEnd = -1;
        int bestLength = 0;
        for (Map.Entry<String, Comparator> prefix : PREFIXES) {
            int at = window.lastIndexOf(prefix.getKey());
            if (at < 0) {
                continue;
            }
            int end = at + prefix.getKey().length();
            String gap = window.substring(end);
            if (gap.length() > PREFIX_WINDOW || gap.matches(".*[0-9，。；、,;].*")) {
                continue;
            }
            if (end > bestEnd || (end == bestEnd && prefix.getKey().length() > bestLength)) {
                best = prefix.getValue();
                bestEnd = end;
                bestLength = prefix.getKey().length();
            }
        }
        return best;
    }

    /**
     * The phrase a figure stands in: the clause between ，。；： around it; where that clause holds several figures,
     * the 、-separated part holding this one (unless that part is nothing but the figure: 153个、3.6万户).
     */
    private static String phrase(String text, Figure figure, List<Figure> all, boolean[] bracketed) {
        int[] clause = bounds(text, figure, MAJOR_DELIMITERS, bracketed);
        long inClause = all.stream().filter(f -> f.start() >= clause[0] && f.end() <= clause[1]).count();
        if (inClause > 1) {
            int[] part = bounds(text, figure, MAJOR_DELIMITERS + MINOR_DELIMITERS, bracketed);
            String narrow = TextNormalizer.strip(text.substring(part[0], part[1]));
            String figureText = text.substring(figure.start(), figure.end());
            if (!narrow.equals(figureText)) {
                return narrow;
            }
        }
        return TextNormalizer.strip(text.substring(clause[0], clause[1]));
    }

    private static int[] bounds(String text, Figure figure, String delimiters, boolean[] bracketed) {
        int left = figure.start();
        while (left > 0 && !(delimiters.indexOf(text.charAt(left - 1)) >= 0 && !bracketed[left - 1])) {
            left--;
        }
        int right = figure.end();
        while (right < text.length() && !(delimiters.indexOf(text.charAt(right)) >= 0 && !bracketed[right])) {
            right++;
        }
        return new int[] {left, right};
    }

    /** Marks characters inside quotation/title marks (quoted) and inside any bracket pair (bracketed). */
    private static void markEnclosed(String text, boolean[] quoted, boolean[] bracketed) {
        for (int i = 0; i < text.length(); i++) {
            int kind = OPENERS.indexOf(text.charAt(i));
            if (kind < 0) {
                continue;
            }
            char closer = CLOSERS.charAt(kind);
            int close = text.indexOf(closer, i + 1);
            if (close < 0 || close - i > MAX_QUOTE) {
                continue;
            }
            boolean isQuote = QUOTES.indexOf(text.charAt(i)) >= 0;
            for (int j = i + 1; j < close; j++) {
                bracketed[j] = true;
                if (isQuote) {
                    quoted[j] = true;
                }
            }
            if (text.charAt(i) == '"') {
                i = close; // the closing " is not another opener
            }
        }
    }
}
