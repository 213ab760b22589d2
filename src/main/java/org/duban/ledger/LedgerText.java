package org.duban.ledger;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The ledger's words for exports and explanations, from {@code i18n/ledger*.properties} (the bundles the screens use
 * too): Chinese unless English is asked for.
 */
public final class LedgerText {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private LedgerText(Locale locale) {
        this.locale = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        this.bundle = ResourceBundle.getBundle("i18n/ledger", this.locale, NO_FALLBACK);
    }

    public static LedgerText of(Locale locale) {
        return new LedgerText(locale);
    }

    public String get(String key, Object... args) {
        if (!bundle.containsKey(key)) {
            return "!" + key;
        }
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String light(Light light) {
        return get("ledger.light." + light.name());
    }

    public String status(org.duban.reporting.ReportStatus status) {
        return get("ledger.status." + status.name());
    }

    /** "Which rule, since when": e.g. 逾期未报送 2 个工作日（自 2023-06-26 起）. */
    public String explain(StatusLight light) {
        if (light.isOverridden()) {
            StatusLight.Override o = light.override();
            return get("ledger.rule.OVERRIDDEN", o.reason(), o.by(), since(light.since()), light(o.computed()),
                    get("ledger.rule." + o.computedRule().name(), o.computedDetail()));
        }
        String text = get("ledger.rule." + light.rule().name(), light.detail());
        return light.since() == null ? text : text + get("ledger.since", since(light.since()));
    }

    private static String since(LocalDate day) {
        return day == null ? "" : day.toString();
    }
}
