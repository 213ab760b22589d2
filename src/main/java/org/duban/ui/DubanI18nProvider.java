package org.duban.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * UI strings from {@code i18n/messages*.properties} and one bundle per screen family ({@code i18n/inbox*},
 * {@code i18n/review*}, ...; see {@link #BUNDLES}), so features keep their strings apart: Chinese by default,
 * English on request. No fallback to the JVM's
 * default locale, so an English UI stays English on a server whose system locale is Chinese, and vice versa.
 */
@Component
public class DubanI18nProvider implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** Searched in this order; the first bundle that holds a key wins. A bundle that does not exist is skipped. */
    static final List<String> BUNDLES = List.of("messages", "work", "review", "supervision", "ledger", "process", "imports",
            "analytics", "audit");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(CHINESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = ENGLISH.getLanguage().equals(locale == null ? null : locale.getLanguage()) ? ENGLISH
                : CHINESE;
        for (String name : BUNDLES) {
            ResourceBundle bundle = bundle(name, effective);
            if (bundle != null && bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
            }
        }
        return "!" + key;
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        // <name>.properties is English; <name>_zh_CN.properties holds the default Chinese UI
        try {
            return ResourceBundle.getBundle("i18n/" + name, locale, NO_FALLBACK);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
