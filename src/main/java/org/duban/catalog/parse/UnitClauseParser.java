package org.duban.catalog.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.org.UnitDirectory;
import org.duban.org.UnitRef;
import org.duban.org.UnitType;

/**
 * Reads a unit clause such as {@code 牵头单位：市科技局、市工业和信息化局；参与单位：市生态环境局，各县区政府、管委会}.
 *
 * <ul>
 * <li>Labels: 牵头单位/牵头部门 name leads; 参与/配合/协办单位 name participants; 责任单位 names participants when the
 * clause also has a lead label, and the leads when it is the only label (some cities write only 责任单位).</li>
 * <li>Names are separated by 、，,；; (not inside parentheses: 各县（市、区）). 和/及/与 separate names only when every
 * part is a registered unit, so 市工业和信息化局 stays whole.</li>
 * <li>Suffixes such as 按职责分工负责 and 等 are dropped.</li>
 * <li>各县区政府、管委会 and its variants expand to every county, then every zone, in registry order; 管委会 alone to
 * every zone (so do 各功能区, 各开发区管委会). Other group names (有关县区政府, 各有关部门, 相关单位) cannot be
 * expanded and are kept as unresolved tokens for a person to decide.</li>
 * <li>A name the registry does not know is kept as written and reported; it is not an error.</li>
 * </ul>
 */
final class UnitClauseParser {

    /** The labels that introduce a list of units. */
    static final String LABEL_NAMES = "牵头单位|牵头部门|主办单位|责任单位|责任部门|参与单位|参与部门|配合单位|配合部门|协办单位|协同单位";
    static final Pattern LABEL = Pattern.compile("(" + LABEL_NAMES + ")\\s*[:：]");

    private static final Pattern ALL_COUNTIES = Pattern.compile(
            "各县(?:[（(](?:市[、，,])?区[）)]|区|市区)(?:人民)?(?:政府)?(?:[（(]各?管委会[）)]|[、，,]?管委会)?");
    private static final Pattern ALL_ZONES = Pattern.compile("各(?:开发区|功能区|园区)(?:管委会)?|各?(?:开发区|功能区|园区)?管委会");
    private static final Pattern GROUP = Pattern.compile("^(?:各|其他|其它).*|.*(?:有关|相关).*");
    private static final Pattern SUFFIX = Pattern.compile(
            "(?:按职责分工负责|按照职责分工负责|按职责分工|按职责负责|分别负责|共同负责|负责|等单位|等部门|等)$");
    private static final String SEPARATORS = "、，,；;。";
    private static final String CONJUNCTIONS = "和及与";

    private enum Role {
        LEAD, PARTICIPANT, RESPONSIBLE
    }

    private final UnitDirectory units;

    UnitClauseParser(UnitDirectory units) {
        this.units = units;
    }

    /** Adds the units named by the clause text to the assignment. */
    void parse(JoinedText clause, UnitAssignment into) {
        String text = clause.text();
        Matcher m = LABEL.matcher(text);
        List<int[]> segments = new ArrayList<>(); // start, end, role ordinal
        List<Role> roles = new ArrayList<>();
        int previousStart = -1;
        Role previousRole = null;
        while (m.find()) {
            if (previousRole != null) {
                segments.add(new int[] {previousStart, m.start()});
                roles.add(previousRole);
            }
            previousStart = m.end();
            previousRole = roleOf(m.group(1));
        }
        if (previousRole == null) {
            return;
        }
        segments.add(new int[] {previousStart, text.length()});
        roles.add(previousRole);
        into.markLabelled();

        boolean hasLeadLabel = roles.contains(Role.LEAD);
        for (int i = 0; i < segments.size(); i++) {
            Role role = roles.get(i);
            if (role == Role.RESPONSIBLE) {
                role = hasLeadLabel ? Role.PARTICIPANT : Role.LEAD;
            }
            Consumer<String> sink = role == Role.LEAD ? into::addLead : into::addParticipant;
            for (Token token : tokens(text, segments.get(i)[0], segments.get(i)[1])) {
                place(token, clause.locationAt(token.offset()), sink, into);
            }
        }
    }

    private static Role roleOf(String label) {
        if (label.startsWith("牵头") || label.startsWith("主办")) {
            return Role.LEAD;
        }
        return label.startsWith("责任") ? Role.RESPONSIBLE : Role.PARTICIPANT;
    }

    private record Token(String raw, int offset) {
    }

    /** Splits text[start, end) at separators outside parentheses. */
    private static List<Token> tokens(String text, int start, int end) {
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int tokenStart = start;
        for (int i = start; i <= end; i++) {
            char c = i < end ? text.charAt(i) : '、';
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            }
            if (i == end || (depth == 0 && SEPARATORS.indexOf(c) >= 0)) {
                String raw = text.substring(tokenStart, i);
                if (!TextNormalizer.strip(raw).isEmpty()) {
                    int lead = 0;
                    while (lead < raw.length() && TextNormalizer.isSpace(raw.charAt(lead))) {
                        lead++;
                    }
                    tokens.add(new Token(raw, tokenStart + lead));
                }
                tokenStart = i + 1;
            }
        }
        return tokens;
    }

    private void place(Token token, String location, Consumer<String> sink, UnitAssignment into) {
        String name = clean(TextNormalizer.removeSpaces(token.raw()));
        if (name.isEmpty()) {
            return;
        }
        if (ALL_COUNTIES.matcher(name).matches()) {
            units.ofTypes(UnitType.COUNTY).forEach(u -> sink.accept(u.name()));
            units.ofTypes(UnitType.ZONE).forEach(u -> sink.accept(u.name()));
            return;
        }
        if (ALL_ZONES.matcher(name).matches()) {
            units.ofTypes(UnitType.ZONE).forEach(u -> sink.accept(u.name()));
            return;
        }
        Optional<UnitRef> unit = units.resolve(name);
        if (unit.isPresent()) {
            sink.accept(unit.get().name());
            return;
        }
        List<String> parts = splitOnSpaces(token.raw());
        if (parts == null) {
            parts = splitOnConjunctions(name);
        }
        if (parts != null) {
            parts.forEach(sink);
            return;
        }
        if (GROUP.matcher(name).matches()) {
            into.addUnresolved(name);
            return;
        }
        sink.accept(name);
        into.addUnknown(name, location);
    }

    /** Strips suffixes (按职责分工负责, 等), stray punctuation and unbalanced parentheses left by a broken clause. */
    static String clean(String name) {
        String previous;
        do {
            previous = name;
            name = name.replaceAll("^[、，,；;。：:\\s]+|[、，,；;。：:\\s]+$", "");
            name = SUFFIX.matcher(name).replaceAll("");
            if ((name.endsWith("）") || name.endsWith(")")) && count(name, "（(") < count(name, "）)")) {
                name = name.substring(0, name.length() - 1);
            }
            if ((name.startsWith("（") || name.startsWith("(")) && count(name, "（(") > count(name, "）)")) {
                name = name.substring(1);
            }
        } while (!name.equals(previous));
        return name;
    }

    private static int count(String s, String chars) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }

    /** 市发展改革委 市财政局 (space-separated, as in table cells): split only if every part is a registered unit. */
    private List<String> splitOnSpaces(String raw) {
        String[] parts = TextNormalizer.strip(raw).split("[\\s\\u3000]+");
        if (parts.length < 2) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String part : parts) {
            Optional<UnitRef> unit = units.resolve(clean(part));
            if (unit.isEmpty()) {
                return null;
            }
            names.add(unit.get().name());
        }
        return names;
    }

    /** 市发展改革委和市财政局: split at 和/及/与 only where both sides are registered units. */
    private List<String> splitOnConjunctions(String name) {
        Optional<UnitRef> whole = units.resolve(name);
        if (whole.isPresent()) {
            return List.of(whole.get().name());
        }
        for (int i = 1; i < name.length() - 1; i++) {
            if (CONJUNCTIONS.indexOf(name.charAt(i)) < 0) {
                continue;
            }
            Optional<UnitRef> left = units.resolve(name.substring(0, i));
            if (left.isEmpty()) {
                continue;
            }
            List<String> right = splitOnConjunctions(name.substring(i + 1));
            if (right != null) {
                List<String> names = new ArrayList<>();
                names.add(left.get().name());
                names.addAll(right);
                return names;
            }
        }
        return null;
    }
}
