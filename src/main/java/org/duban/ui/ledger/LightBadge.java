package org.duban.ui.ledger;

import com.vaadin.flow.component.html.Span;
import org.duban.ledger.Light;
import org.duban.ledger.LightRule;
import org.duban.ledger.StatusLight;

/** A coloured light (红灯/黄灯/绿灯) with its explanation as tooltip; a hand-set light is marked with ✎. */
public final class LightBadge {

    private LightBadge() {
    }

    public static Span of(StatusLight light, String label, String explanation) {
        Span badge = new Span((light.rule() == LightRule.OVERRIDDEN ? "✎ " : "") + label);
        badge.getElement().setAttribute("title", explanation);
        badge.getElement().setAttribute("data-light", light.light().name());
        badge.getStyle().set("padding", "0.1em 0.6em").set("border-radius", "var(--lumo-border-radius-l)")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "600")
                .set("white-space", "nowrap").set("color", color(light.light()))
                .set("background", background(light.light()));
        return badge;
    }

    private static String color(Light light) {
        return switch (light) {
            case RED -> "var(--lumo-error-text-color)";
            case YELLOW -> "#7a5b00";
            case GREEN -> "var(--lumo-success-text-color)";
        };
    }

    private static String background(Light light) {
        return switch (light) {
            case RED -> "var(--lumo-error-color-10pct)";
            case YELLOW -> "#fff3c4";
            case GREEN -> "var(--lumo-success-color-10pct)";
        };
    }
}
