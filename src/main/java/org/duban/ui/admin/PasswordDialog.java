package org.duban.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a generated password once. It is not stored anywhere readable, so closing the dialog is the last look. */
class PasswordDialog extends Dialog {

    PasswordDialog(String displayName, String password) {
        setHeaderTitle(getTranslation("admin.users.passwordTitle"));
        setCloseOnOutsideClick(false);
        TextField shown = new TextField();
        shown.setValue(password);
        shown.setReadOnly(true);
        shown.setWidthFull();
        shown.setId("generated-password");
        shown.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)");
        add(new Paragraph(getTranslation("admin.users.passwordText", displayName)), shown);
        Button close = new Button(getTranslation("admin.action.close"), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        setWidth("28rem");
    }
}
