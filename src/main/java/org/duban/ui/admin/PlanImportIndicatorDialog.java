package org.duban.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.duban.catalog.Comparator;
import org.duban.catalog.parse.ParsedIndicator;
import org.duban.catalog.parse.ParsedTask;

/** Corrects one indicator the parser read from a task: target value, unit of measure, how the target is meant. */
class PlanImportIndicatorDialog extends Dialog {

    interface Correction {
        void apply(int position, BigDecimal value, String measureUnit, Comparator comparator);
    }

    private final transient ParsedTask task;
    private final Select<Integer> position = new Select<>();
    private final Paragraph phrase = new Paragraph();
    private final BigDecimalField value = new BigDecimalField();
    private final TextField unit = new TextField();
    private final Select<Comparator> comparator = new Select<>();

    PlanImportIndicatorDialog(ParsedTask task, Correction correction) {
        this.task = task;
        setHeaderTitle(getTranslation("imports.indicator.title", task.number()));
        setWidth("36rem");
        position.setLabel(getTranslation("imports.indicator.position"));
        position.setItems(IntStream.rangeClosed(1, task.indicators().size()).boxed().toList());
        position.addValueChangeListener(e -> load(e.getValue()));
        value.setLabel(getTranslation("imports.indicator.value"));
        unit.setLabel(getTranslation("imports.indicator.unit"));
        unit.setMaxLength(20);
        comparator.setLabel(getTranslation("imports.indicator.comparator"));
        comparator.setItems(Comparator.values());
        comparator.setItemLabelGenerator(c -> getTranslation("imports.comparator." + c));
        FormLayout form = new FormLayout(position, value, unit, comparator);
        add(phrase, form);
        position.setValue(1);
        Button ok = new Button(getTranslation("imports.action.save"), e -> {
            correction.apply(position.getValue(), value.getValue(), unit.getValue(), comparator.getValue());
            close();
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("imports.action.cancel"), e -> close()), ok);
    }

    private void load(Integer selected) {
        if (selected == null) {
            return;
        }
        ParsedIndicator indicator = task.indicators().get(selected - 1);
        phrase.setText(indicator.text());
        value.setValue(indicator.value());
        unit.setValue(indicator.unit());
        comparator.setValue(indicator.comparator());
    }
}
