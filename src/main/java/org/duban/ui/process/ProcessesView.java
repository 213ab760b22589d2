package org.duban.ui.process;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.duban.process.DecisionVersion;
import org.duban.process.FormVersion;
import org.duban.process.ProcessLifecycleService;
import org.duban.process.ProcessVersion;

/**
 * What is deployed — processes, decisions and forms with their versions and running instances — and the ways admins
 * change it without code: upload new versions (checked before anything is deployed), compare two versions, move
 * running instances to another version.
 */
@Route("admin/processes")
@Menu(order = 103, title = "process.menu.title")
@RolesAllowed("ADMIN")
public class ProcessesView extends VerticalLayout implements HasDynamicTitle {

    private final transient ProcessLifecycleService lifecycle;
    private final Grid<ProcessVersion> processes = new Grid<>();
    private final Grid<DecisionVersion> decisions = new Grid<>();
    private final Grid<FormVersion> forms = new Grid<>();
    private transient List<ProcessVersion> processList = List.of();

    public ProcessesView(ProcessLifecycleService lifecycle) {
        this.lifecycle = lifecycle;
        setSizeFull();
        configureProcesses();
        configureDecisions();
        configureForms();
        TabSheet tabs = new TabSheet();
        tabs.setId("process-tabs");
        tabs.setSizeFull();
        tabs.add(getTranslation("process.tab.processes"), processes);
        tabs.add(getTranslation("process.tab.decisions"), decisions);
        tabs.add(getTranslation("process.tab.forms"), forms);
        add(ProcessUi.title(getTranslation("process.title")), new Paragraph(getTranslation("process.intro")),
                toolbar(), tabs);
        setFlexGrow(1, tabs);
        refresh();
    }

    private Component toolbar() {
        Button upload = new Button(getTranslation("process.action.upload"), VaadinIcon.UPLOAD.create(),
                e -> new DeployDialog(lifecycle, this::refresh).open());
        upload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        upload.setId("process-upload");
        return new HorizontalLayout(upload);
    }

    private void configureProcesses() {
        processes.setId("process-definitions");
        processes.setSizeFull();
        processes.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        processes.addColumn(ProcessVersion::key).setHeader(getTranslation("process.col.key")).setAutoWidth(true);
        processes.addColumn(ProcessVersion::name).setHeader(getTranslation("process.col.name")).setFlexGrow(1);
        processes.addColumn(p -> "v" + p.version()).setHeader(getTranslation("process.col.version"))
                .setAutoWidth(true).setFlexGrow(0);
        processes.addComponentColumn(p -> latestBadge(p.latest())).setHeader(getTranslation("process.col.latest"))
                .setAutoWidth(true).setFlexGrow(0);
        processes.addColumn(ProcessVersion::runningInstances).setHeader(getTranslation("process.col.running"))
                .setAutoWidth(true).setFlexGrow(0);
        processes.addColumn(ProcessVersion::deploymentName).setHeader(getTranslation("process.col.deployment"))
                .setAutoWidth(true);
        processes.addColumn(p -> ProcessUi.time(p.deployedAt())).setHeader(getTranslation("process.col.deployedAt"))
                .setAutoWidth(true).setFlexGrow(0);
        processes.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
    }

    private Component actions(ProcessVersion version) {
        List<ProcessVersion> versions = processList.stream().filter(p -> p.key().equals(version.key())).toList();
        Button diff = new Button(getTranslation("process.action.diff"), VaadinIcon.SPLIT.create(),
                e -> new DiffDialog(lifecycle, version, versions).open());
        diff.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        diff.setEnabled(versions.size() > 1);
        Button migrate = new Button(getTranslation("process.action.migrate"), VaadinIcon.EXCHANGE.create(),
                e -> new MigrationDialog(lifecycle, version, versions, this::refresh).open());
        migrate.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        migrate.setEnabled(versions.size() > 1 && version.runningInstances() > 0);
        return new HorizontalLayout(diff, migrate);
    }

    private void configureDecisions() {
        decisions.setId("decision-definitions");
        decisions.setSizeFull();
        decisions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        decisions.addColumn(DecisionVersion::key).setHeader(getTranslation("process.col.key")).setAutoWidth(true);
        decisions.addColumn(DecisionVersion::name).setHeader(getTranslation("process.col.name")).setFlexGrow(1);
        decisions.addColumn(d -> "v" + d.version()).setHeader(getTranslation("process.col.version"))
                .setAutoWidth(true).setFlexGrow(0);
        decisions.addComponentColumn(d -> latestBadge(d.latest())).setHeader(getTranslation("process.col.latest"))
                .setAutoWidth(true).setFlexGrow(0);
        decisions.addColumn(DecisionVersion::resourceName).setHeader(getTranslation("process.col.resource"))
                .setAutoWidth(true);
        decisions.addColumn(d -> ProcessUi.time(d.deployedAt())).setHeader(getTranslation("process.col.deployedAt"))
                .setAutoWidth(true).setFlexGrow(0);
    }

    private void configureForms() {
        forms.setId("form-definitions");
        forms.setSizeFull();
        forms.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        forms.addColumn(FormVersion::key).setHeader(getTranslation("process.col.key")).setAutoWidth(true);
        forms.addColumn(f -> "v" + f.version()).setHeader(getTranslation("process.col.version")).setAutoWidth(true)
                .setFlexGrow(0);
        forms.addComponentColumn(f -> latestBadge(f.latest())).setHeader(getTranslation("process.col.latest"))
                .setAutoWidth(true).setFlexGrow(0);
        forms.addColumn(FormVersion::runningInstances).setHeader(getTranslation("process.col.running"))
                .setAutoWidth(true).setFlexGrow(0);
        forms.addColumn(FormVersion::resourceName).setHeader(getTranslation("process.col.resource")).setFlexGrow(1);
        forms.addColumn(f -> ProcessUi.time(f.deployedAt())).setHeader(getTranslation("process.col.deployedAt"))
                .setAutoWidth(true).setFlexGrow(0);
    }

    private Component latestBadge(boolean latest) {
        Span badge = new Span(latest ? getTranslation("process.latest") : "");
        if (latest) {
            badge.getElement().getThemeList().add("badge success");
        }
        return badge;
    }

    private void refresh() {
        processList = lifecycle.processes();
        processes.setItems(processList);
        decisions.setItems(lifecycle.decisions());
        forms.setItems(lifecycle.forms());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("process.title") + " · " + getTranslation("app.name");
    }
}
