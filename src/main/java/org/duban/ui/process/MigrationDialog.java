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
import org.duban.process.MigrationPreview;
import org.duban.process.MigrationReport;
import org.duban.process.ProcessLifecycleService;
import org.duban.process.ProcessVersion;

/**
 * Moves the running instances of one version to another: first the activity mapping Camunda proposes (and the
 * activities it cannot map), then, on request, the migration with a report per instance.
 */
class MigrationDialog extends Dialog {

    private final transient ProcessLifecycleService lifecycle;
    private final Runnable migrated;
    private final Select<ProcessVersion> source = new Select<>();
    private final Select<ProcessVersion> target = new Select<>();
    private final VerticalLayout result = new VerticalLayout();
    private final Button execute = new Button();

    MigrationDialog(ProcessLifecycleService lifecycle, ProcessVersion selected, List<ProcessVersion> versions,
            Runnable migrated) {
        this.lifecycle = lifecycle;
        this.migrated = migrated;
        setHeaderTitle(getTranslation("process.migrate.title", selected.key()));
        setWidth("60rem");
        configure(source, "process.migrate.source", versions, selected);
        configure(target, "process.migrate.target", versions, versions.get(0));
        Button preview = new Button(getTranslation("process.action.preview"), e -> preview());
        preview.setId("process-migrate-preview");
        HorizontalLayout choice = new HorizontalLayout(source, target, preview);
        choice.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        result.setPadding(false);
        result.setId("process-migration");
        execute.setText(getTranslation("process.action.execute"));
        execute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        execute.setId("process-migrate-run");
        execute.setEnabled(false);
        execute.addClickListener(e -> migrate());
        add(choice, result);
        getFooter().add(new Button(getTranslation("process.action.close"), e -> close()), execute);
        source.addValueChangeListener(e -> execute.setEnabled(false));
        target.addValueChangeListener(e -> execute.setEnabled(false));
        preview();
    }

    private void configure(Select<ProcessVersion> select, String label, List<ProcessVersion> versions,
            ProcessVersion value) {
        select.setLabel(getTranslation(label));
        select.setItems(versions);
        select.setItemLabelGenerator(v -> "v" + v.version() + " (" + v.runningInstances() + ")");
        select.setValue(value);
    }

    private void preview() {
        result.removeAll();
        execute.setEnabled(false);
        if (source.getValue() == null || target.getValue() == null || source.getValue().equals(target.getValue())) {
            result.add(new Paragraph(getTranslation("process.migrate.sameVersion")));
            return;
        }
        MigrationPreview preview = lifecycle.previewMigration(source.getValue().id(), target.getValue().id());
        result.add(new Paragraph(getTranslation("process.migrate.running", preview.runningInstances())));
        section(getTranslation("process.migrate.instructions", preview.instructions().size()),
                preview.instructions().stream().map(i -> getTranslation("process.migrate.instruction",
                        i.sourceActivityId(), i.targetActivityId())
                        + (i.failures().isEmpty() ? "" : "\n  " + String.join("\n  ", i.failures()))).toList());
        section(getTranslation("process.migrate.unmapped"), preview.unmapped().stream()
                .map(u -> u.runningInstances() > 0
                        ? getTranslation("process.migrate.unmappedWaiting", label(u), u.runningInstances())
                        : label(u)).toList());
        if (!preview.planFailures().isEmpty()) {
            section(getTranslation("process.migrate.failures"), preview.planFailures());
        }
        if (!preview.executable()) {
            result.add(new Paragraph(getTranslation("process.migrate.notExecutable")));
        }
        execute.setEnabled(preview.executable() && preview.runningInstances() > 0);
    }

    private static String label(MigrationPreview.Unmapped unmapped) {
        return unmapped.name() == null ? unmapped.activityId() : unmapped.name() + " (" + unmapped.activityId() + ")";
    }

    private void migrate() {
        execute.setEnabled(false);
        MigrationReport report = lifecycle.migrate(source.getValue().id(), target.getValue().id());
        result.removeAll();
        result.add(new Paragraph(getTranslation("process.migrate.done", report.moved().size(),
                report.notMoved().size())));
        section(getTranslation("process.migrate.moved"), report.moved().stream().map(this::instance).toList());
        section(getTranslation("process.migrate.notMoved"), report.notMoved().stream()
                .map(o -> instance(o) + "\n  " + String.join("\n  ", o.reasons())).toList());
        ProcessUi.success(getTranslation("process.migrate.done", report.moved().size(), report.notMoved().size()));
        migrated.run();
    }

    private String instance(MigrationReport.InstanceOutcome outcome) {
        return outcome.businessKey() == null ? outcome.processInstanceId()
                : outcome.businessKey() + " (" + outcome.processInstanceId() + ")";
    }

    private void section(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        lines.forEach(line -> list.add(new ListItem(line)));
        result.add(new H4(title), list);
    }
}
