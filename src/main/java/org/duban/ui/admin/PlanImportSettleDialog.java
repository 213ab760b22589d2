package org.duban.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.function.Consumer;
import org.duban.catalog.parse.ParsedTask;
import org.duban.org.UnitRef;

/** Settles an open token of one task (有关县区政府 → the counties it means); the choice is checked by the service. */
class PlanImportSettleDialog extends Dialog {

    PlanImportSettleDialog(ParsedTask task, String token, List<UnitRef> choices, Consumer<List<String>> settled) {
        setHeaderTitle(getTranslation("imports.settle.title", task.number(), token));
        setWidth("36rem");
        CheckboxGroup<UnitRef> units = new CheckboxGroup<>();
        units.setId("plan-import-settle-units");
        units.setLabel(getTranslation("imports.settle.units"));
        units.setItems(choices);
        units.setItemLabelGenerator(UnitRef::name);
        add(new Paragraph(task.title()), units);
        Button ok = new Button(getTranslation("imports.action.settleConfirm"), e -> {
            settled.accept(units.getSelectedItems().stream()
                    .sorted(java.util.Comparator.comparingInt(choices::indexOf)).map(UnitRef::code).toList());
            close();
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("imports.action.cancel"), e -> close()), ok);
    }
}
