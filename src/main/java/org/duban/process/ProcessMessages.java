package org.duban.process;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts of this feature outside a Vaadin view (REST answers, exception messages), from the same bundle the views use:
 * {@code i18n/process.properties} (English) and {@code i18n/process_zh_CN.properties} (Chinese, the default).
 */
public final class ProcessMessages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProcessMessages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        Locale effective = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
        try {
            String pattern = ResourceBundle.getBundle("i18n/process", effective, NO_FALLBACK).getString(key);
            return new MessageFormat(pattern, effective).format(args);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
