package org.duban.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * UI strings from {@code i18n/messages*.properties}: Chinese by default, English on request. No fallback to the JVM's
 * default locale, so an English UI stays English on a server whose system locale is Chinese, and vice versa.
 */
@Component
public class DubanI18nProvider implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
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
        try {
            String pattern = bundle(effective).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        // messages.properties is English; messages_zh_CN.properties holds the default Chinese UI
        return ResourceBundle.getBundle("i18n/messages", locale, NO_FALLBACK);
    }
}
