package org.duban.ui.work;

import com.vaadin.flow.component.html.Span;

/** Small coloured pills for overdue, due-soon and returned items, drawn with Lumo's variables. */
final class Badges {

    enum Tone {
        ERROR("var(--lumo-error-color)", "var(--lumo-error-contrast-color)"),
        WARNING("#b35900", "#fff"),
        CONTRAST("var(--lumo-contrast-70pct)", "var(--lumo-base-color)"),
        NEUTRAL("var(--lumo-contrast-10pct)", "var(--lumo-body-text-color)");

        final String background;
        final String color;

        Tone(String background, String color) {
            this.background = background;
            this.color = color;
        }
    }

    private Badges() {
    }

    static Span of(String text, Tone tone) {
        Span badge = new Span(text);
        badge.getElement().setAttribute("theme", "badge");
        badge.getStyle().set("background", tone.background).set("color", tone.color)
                .set("border-radius", "var(--lumo-border-radius-l)").set("font-size", "var(--lumo-font-size-xs)")
                .set("font-weight", "600").set("padding", "0.15em 0.6em").set("white-space", "nowrap")
                .set("margin-right", "0.25em");
        return badge;
    }

    /** The same pill as an inline style, for badges drawn in the browser by a renderer. */
    static String css(Tone tone) {
        return "background:" + tone.background + ";color:" + tone.color + ";border-radius:var(--lumo-border-radius-l);"
                + "font-size:var(--lumo-font-size-xs);font-weight:600;padding:0.15em 0.6em;white-space:nowrap;"
                + "margin-right:0.25em";
    }
}
