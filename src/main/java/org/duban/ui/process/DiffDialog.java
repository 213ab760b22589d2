package org.duban.ui.process;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.duban.process.ProcessDiff;
import org.duban.process.ProcessLifecycleService;
import org.duban.process.ProcessVersion;

/** Elements added, removed and changed between two versions of one process. */
class DiffDialog extends Dialog {

    private final transient ProcessLifecycleService lifecycle;
    private final Select<ProcessVersion> from = new Select<>();
    private final Select<ProcessVersion> to = new Select<>();
    private final VerticalLayout result = new VerticalLayout();

    DiffDialog(ProcessLifecycleService lifecycle, ProcessVersion selected, List<ProcessVersion> versions) {
        this.lifecycle = lifecycle;
        setHeaderTitle(getTranslation("process.diff.title", selected.key()));
        setWidth("60rem");
        ProcessVersion newest = versions.get(0);
        ProcessVersion older = selected.equals(newest) && versions.size() > 1 ? versions.get(1) : selected;
        configure(from, "process.diff.from", versions, older);
        configure(to, "process.diff.to", versions, newest);
        Button compare = new Button(getTranslation("process.action.diff"), e -> compare());
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.setId("process-diff-run");
        HorizontalLayout choice = new HorizontalLayout(from, to, compare);
        choice.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        result.setPadding(false);
        result.setId("process-diff");
        add(choice, result);
        getFooter().add(new Button(getTranslation("process.action.close"), e -> close()));
        compare();
    }

    private void configure(Select<ProcessVersion> select, String label, List<ProcessVersion> versions,
            ProcessVersion value) {
        select.setLabel(getTranslation(label));
        select.setItems(versions);
        select.setItemLabelGenerator(v -> "v" + v.version() + " · " + ProcessUi.time(v.deployedAt()));
        select.setValue(value);
    }

    private void compare() {
        result.removeAll();
        if (from.getValue() == null || to.getValue() == null || from.getValue().equals(to.getValue())) {
            result.add(new Paragraph(getTranslation("process.migrate.sameVersion")));
            return;
        }
        ProcessDiff diff = lifecycle.diff(from.getValue().id(), to.getValue().id());
        if (diff.isEmpty()) {
            result.add(new Paragraph(getTranslation("process.diff.none")));
            return;
        }
        section("process.diff.added", diff.added().stream().map(this::element).toList());
        section("process.diff.removed", diff.removed().stream().map(this::element).toList());
        section("process.diff.changed", diff.changed().stream()
                .map(c -> element(c.to()) + "\n  " + String.join("\n  ", c.differences())).toList());
    }

    private String element(ProcessDiff.Element element) {
        return getTranslation("process.diff.element", element.id(), element.type(),
                element.name() == null ? "" : element.name());
    }

    private void section(String titleKey, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        lines.forEach(line -> list.add(new ListItem(line)));
        result.add(new H4(getTranslation(titleKey, lines.size())), list);
    }
}
