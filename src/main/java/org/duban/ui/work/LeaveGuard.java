package org.duban.ui.work;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.BeforeLeaveEvent;

/** Asks before a form with unsaved input is left: stay, or leave and lose the input. */
public final class LeaveGuard {

    private LeaveGuard() {
    }

    /** Holds the navigation while the user decides; does nothing when the form has no unsaved input. */
    public static void ask(Component view, BeforeLeaveEvent event, RenderedForm form, String textKey) {
        ask(view, event, form, textKey, () -> false);
    }

    /** As above, also asking when {@code alsoChanged} says a part of the screen outside the form was changed. */
    public static void ask(Component view, BeforeLeaveEvent event, RenderedForm form, String textKey,
            java.util.function.BooleanSupplier alsoChanged) {
        if (form == null || !(form.isDirty() || alsoChanged.getAsBoolean())) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction leave = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog(view.getTranslation("work.leave.title"), view.getTranslation(textKey),
                view.getTranslation("work.leave.confirm"), e -> {
                    form.markClean();
                    leave.proceed();
                });
        dialog.setId("leave-dialog");
        dialog.setCancelable(true);
        dialog.setCancelText(view.getTranslation("work.leave.stay"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
