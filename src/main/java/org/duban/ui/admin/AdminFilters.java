package org.duban.ui.admin;

import com.vaadin.flow.component.select.Select;

/** Filter widgets the admin lists share. */
final class AdminFilters {

    private AdminFilters() {
    }

    /** A yes/no/either filter: empty means either, labelled by the given message keys. */
    static void booleanFilter(Select<Boolean> select, String anyKey, String trueKey, String falseKey) {
        select.setItems(Boolean.TRUE, Boolean.FALSE);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(select.getTranslation(anyKey));
        select.setItemLabelGenerator(b -> select.getTranslation(b == null ? anyKey : b ? trueKey : falseKey));
        select.setWidth("9em");
    }
}
