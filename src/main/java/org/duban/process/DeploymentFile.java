package org.duban.process;

import java.util.Locale;

/** One file of an upload: its resource name (e.g. {@code progress-report.bpmn}, {@code forms/fill-report.form}). */
public record DeploymentFile(String name, byte[] content) {

    public enum Kind { BPMN, DMN, FORM, OTHER }

    public DeploymentFile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A deployment file needs a name");
        }
        content = content == null ? new byte[0] : content;
    }

    public Kind kind() {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            return Kind.BPMN;
        }
        if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            return Kind.DMN;
        }
        return lower.endsWith(".form") ? Kind.FORM : Kind.OTHER;
    }
}
