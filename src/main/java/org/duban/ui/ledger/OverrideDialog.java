package org.duban.ui.ledger;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.duban.ledger.LedgerRow;
import org.duban.ledger.LedgerText;
import org.duban.ledger.Light;

/** A supervisor sets a row's light by hand (or removes the hand-set light); the reason is required. */
class OverrideDialog extends Dialog {

    private final Select<Light> light = new Select<>();
    private final TextArea reason = new TextArea();

    OverrideDialog(LedgerRow row, LedgerText text, BiConsumer<Light, String> onSave, Consumer<String> onClear) {
        setHeaderTitle(getTranslation("ledger.override.title"));
        Paragraph what = new Paragraph(row.taskLabel() + " · " + row.unitName() + " · " + row.periodCode());
        Paragraph now = new Paragraph(getTranslation("ledger.override.current", text.light(row.light().light()),
                text.explain(row.light())));
        light.setId("override-light");
        light.setLabel(getTranslation("ledger.override.light"));
        light.setItems(Light.values());
        light.setItemLabelGenerator(text::light);
        light.setValue(row.light().light());
        reason.setId("override-reason");
        reason.setLabel(getTranslation("ledger.override.reason"));
        reason.setRequired(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        add(new VerticalLayout(what, now, light, reason));

        Button save = new Button(getTranslation("ledger.override.save"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("ledger.override.reasonRequired"));
                return;
            }
            onSave.accept(light.getValue(), reason.getValue());
            close();
        });
        save.setId("override-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button(getTranslation("ledger.override.clear"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("ledger.override.reasonRequired"));
                return;
            }
            onClear.accept(reason.getValue());
            close();
        });
        clear.setEnabled(row.light().isOverridden());
        Button cancel = new Button(getTranslation("ledger.action.cancel"), e -> close());
        getFooter().add(cancel, clear, save);
        setWidth("32em");
    }
}
