package org.duban.ui.audit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditExcelExport;
import org.duban.audit.AuditFilter;
import org.duban.audit.AuditQueryService;
import org.duban.audit.StateChange;

/**
 * The audit trail (审计日志) for the supervision office and admins: filter by time, actor, unit, action and subject,
 * page through it lazily (newest first), open a row to read what changed, export what is filtered to .xlsx. The
 * query service checks the role again.
 */
@Route("audit")
@Menu(order = 104, title = "audit.menu")
@RolesAllowed({"SUPERVISOR", "ADMIN"})
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final List<String> EXPORT_COLUMNS = List.of("time", "actor", "action", "type", "subject", "summary",
            "change");

    private final transient AuditQueryService audit;
    private final transient AuditExcelExport excel;
    private final ZoneId zone = ZoneId.systemDefault();
    /** Captured for the download handler, which runs without the UI. */
    private final Locale locale;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField actor = new TextField();
    private final ComboBox<AuditQueryService.UnitOption> unit = new ComboBox<>();
    private final ComboBox<String> action = new ComboBox<>();
    private final TextField subject = new TextField();
    private final Span total = new Span();
    private final Grid<AuditEvent> grid = new Grid<>();
    /** Read by the download handler, which runs outside the UI's lock. */
    private volatile AuditFilter filter = AuditFilter.all();

    public AuditView(AuditQueryService audit, AuditExcelExport excel) {
        this.audit = audit;
        this.excel = excel;
        this.locale = getLocale();
        setSizeFull();
        configureFilters();
        configureGrid();
        add(new H2(getTranslation("audit.title")), filters(), actions(), grid);
        refresh();
    }

    private void configureFilters() {
        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.filter.to"));
        to.setId("audit-to");
        actor.setLabel(getTranslation("audit.filter.actor"));
        actor.setId("audit-actor");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        unit.setLabel(getTranslation("audit.filter.unit"));
        unit.setId("audit-unit");
        unit.setItems(audit.units());
        unit.setItemLabelGenerator(u -> u.name() + " (" + u.code() + ")");
        unit.setClearButtonVisible(true);
        action.setLabel(getTranslation("audit.filter.action"));
        action.setId("audit-action");
        action.setItems(audit.actions());
        action.setItemLabelGenerator(this::actionLabel);
        action.setClearButtonVisible(true);
        action.setWidth("16em");
        subject.setLabel(getTranslation("audit.filter.subject"));
        subject.setId("audit-subject");
        subject.setPlaceholder(getTranslation("audit.filter.subject.placeholder"));
        subject.setClearButtonVisible(true);
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        subject.setWidth("16em");
        Stream.of(from, to).forEach(picker -> picker.addValueChangeListener(e -> refresh()));
        Stream.of(actor, subject).forEach(field -> field.addValueChangeListener(e -> refresh()));
        unit.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
    }

    private Component filters() {
        HorizontalLayout filters = new HorizontalLayout(from, to, actor, unit, action, subject);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        return filters;
    }

    private Component actions() {
        Anchor export = new Anchor((DownloadHandler) event -> {
            event.setFileName(excel.fileName(LocalDate.now(zone)));
            event.setContentType(XLSX);
            excel.write(filter, EXPORT_COLUMNS.stream().map(c -> getTranslation(locale, "audit.column." + c))
                    .toList(), this::actionLabel, zone, event.getOutputStream());
        }, AttachmentType.DOWNLOAD, getTranslation("audit.export.xlsx"));
        export.setId("audit-export-xlsx");
        total.setId("audit-total");
        HorizontalLayout actions = new HorizontalLayout(total, export);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("gap", "var(--lumo-space-l)");
        return actions;
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> TIME.format(e.getOccurredAt().atZone(zone)))
                .setHeader(getTranslation("audit.column.time")).setAutoWidth(true).setFlexGrow(0).setKey("time");
        grid.addColumn(AuditEvent::getActor).setHeader(getTranslation("audit.column.actor")).setAutoWidth(true)
                .setFlexGrow(0).setKey("actor");
        grid.addColumn(e -> actionLabel(e.getAction())).setHeader(getTranslation("audit.column.action"))
                .setAutoWidth(true).setFlexGrow(0).setKey("action");
        grid.addColumn(e -> e.getEntityType() + " " + e.getEntityId())
                .setHeader(getTranslation("audit.column.subject")).setFlexGrow(1).setKey("subject");
        grid.addColumn(AuditEvent::getSummary).setHeader(getTranslation("audit.column.summary")).setFlexGrow(2)
                .setKey("summary");
        grid.addColumn(e -> firstLine(StateChange.text(e.getBeforeState(), e.getAfterState())))
                .setHeader(getTranslation("audit.column.change")).setFlexGrow(2).setKey("change");
        // the whole change, one field per line, on click: snapshots can hold many fields
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::details));
        grid.setDetailsVisibleOnClick(true);
        grid.setEmptyStateText(getTranslation("audit.grid.empty"));
    }

    private Component details(AuditEvent event) {
        List<StateChange.Line> lines = StateChange.lines(event.getBeforeState(), event.getAfterState());
        Div box = new Div();
        box.addClassName("audit-change");
        if (lines.isEmpty()) {
            box.add(new Span(getTranslation("audit.change.none")));
        }
        for (StateChange.Line line : lines) {
            // Span text is escaped by Vaadin: stored HTML or script shows as text
            Div row = new Div(new Span(line.field() == null ? "" : line.field() + ": "),
                    new Span(line.before() + " → " + line.after()));
            row.getStyle().set("white-space", "pre-wrap");
            box.add(row);
        }
        return box;
    }

    private void refresh() {
        try {
            filter = new AuditFilter(from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                    to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                    actor.getValue(), unit.getValue() == null ? null : unit.getValue().code(), action.getValue(),
                    subject.getValue());
        } catch (IllegalArgumentException e) {
            Notification.show(getTranslation("audit.filter.badRange"), 4000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        AuditFilter current = filter;
        total.setText(getTranslation("audit.total", audit.count(current)));
        grid.setItems(query -> audit.page(current, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, audit.count(current)));
    }

    private String actionLabel(String code) {
        String text = getTranslation(locale, "audit.action." + code);
        return text.startsWith("!") ? code : text;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " …";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
