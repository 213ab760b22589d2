package org.duban.ui.ledger;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.duban.ledger.BulletinService;
import org.duban.ledger.BulletinWordExport;
import org.duban.ledger.CycleBulletin;
import org.duban.ledger.LedgerAccess;
import org.duban.ledger.LedgerExcelExport;
import org.duban.ledger.LedgerFilter;
import org.duban.ledger.LedgerGrouping;
import org.duban.ledger.LedgerOptions;
import org.duban.ledger.LedgerRow;
import org.duban.ledger.LedgerService;
import org.duban.ledger.LedgerText;
import org.duban.ledger.Light;

/**
 * The ledger (台账): every task × unit × cycle with its light, filtered and grouped, paged lazily from the service
 * (which decides what the user may see); exports to .xlsx and, for supervisors, the cycle's bulletin (通报) as .docx.
 * A supervisor clicks a row to set its light by hand with a reason.
 */
@Route("ledger")
@Menu(order = 40, title = "ledger.menu")
@RolesAllowed({"SUPERVISOR", "REVIEWER"})
public class LedgerView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final transient LedgerService ledger;
    private final transient LedgerExcelExport excel;
    private final transient BulletinService bulletins;
    private final transient BulletinWordExport word;
    private final transient LedgerAccess access;
    private final transient LedgerText text;
    private final Locale locale;
    private final Grid<LedgerRow> grid = new Grid<>();
    private final Select<LedgerOptions.CycleOption> cycle = new Select<>();
    private final ComboBox<LedgerOptions.SectionOption> section = new ComboBox<>();
    private final ComboBox<LedgerOptions.UnitOption> leadUnit = new ComboBox<>();
    private final ComboBox<LedgerOptions.UnitOption> unit = new ComboBox<>();
    private final Checkbox countyOnly = new Checkbox();
    private final Select<Light> light = new Select<>();
    private final Select<LedgerGrouping> grouping = new Select<>();
    private final Span total = new Span();
    private Anchor bulletinLink;
    /** Read by the download handlers, which run outside the UI's lock. */
    private volatile LedgerFilter filter = LedgerFilter.all();
    private volatile String exportTitle = "";
    private List<LedgerOptions.CycleOption> cycleOptions = List.of();

    public LedgerView(LedgerService ledger, LedgerExcelExport excel, BulletinService bulletins,
            BulletinWordExport word) {
        this.ledger = ledger;
        this.excel = excel;
        this.bulletins = bulletins;
        this.word = word;
        this.access = ledger.access();
        this.locale = getLocale();
        this.text = LedgerText.of(locale);
        setSizeFull();
        configureFilters();
        configureGrid();
        add(new H2(getTranslation("ledger.title")), scopeNote(), toolbar(), grid);
        refresh();
    }

    /** {@code ?cycle=<id>} opens the ledger on that cycle (links from the cycles screen); otherwise the newest. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("cycle").filter(v -> v.matches("\\d{1,18}"))
                .map(Long::valueOf).flatMap(id -> cycleOptions.stream().filter(c -> c.id().equals(id)).findFirst())
                .ifPresent(cycle::setValue);
    }

    private Component scopeNote() {
        Span note = new Span(access.seesAll() ? getTranslation("ledger.scope.all")
                : getTranslation("ledger.scope.lead", access.leadUnitCode()));
        note.setId("ledger-scope");
        note.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return note;
    }

    private void configureFilters() {
        List<LedgerOptions.CycleOption> cycles = ledger.cycles();
        cycleOptions = cycles;
        cycle.setId("ledger-cycle");
        cycle.setLabel(getTranslation("ledger.filter.cycle"));
        cycle.setItems(cycles);
        cycle.setEmptySelectionAllowed(true);
        cycle.setEmptySelectionCaption(getTranslation("ledger.filter.allCycles"));
        cycle.setItemLabelGenerator(c -> c == null ? getTranslation("ledger.filter.allCycles")
                : c.periodCode() + " · " + getTranslation("ledger.filter.due", c.dueOn().toString()));
        if (!cycles.isEmpty()) {
            cycle.setValue(cycles.get(0));
        }
        section.setLabel(getTranslation("ledger.filter.section"));
        section.setItems(ledger.sections());
        section.setItemLabelGenerator(s -> s.label() + "、" + s.title());
        section.setClearButtonVisible(true);
        section.setWidth("16em");
        leadUnit.setLabel(getTranslation("ledger.filter.leadUnit"));
        leadUnit.setItems(ledger.units(true));
        leadUnit.setItemLabelGenerator(LedgerOptions.UnitOption::name);
        leadUnit.setClearButtonVisible(true);
        leadUnit.setVisible(access.seesAll());
        unit.setLabel(getTranslation("ledger.filter.unit"));
        unit.setItems(ledger.units(false));
        unit.setItemLabelGenerator(LedgerOptions.UnitOption::name);
        unit.setClearButtonVisible(true);
        countyOnly.setLabel(getTranslation("ledger.filter.countyOnly"));
        light.setLabel(getTranslation("ledger.filter.light"));
        light.setItems(Light.values());
        light.setEmptySelectionAllowed(true);
        light.setEmptySelectionCaption(getTranslation("ledger.filter.allLights"));
        light.setItemLabelGenerator(l -> l == null ? getTranslation("ledger.filter.allLights") : text.light(l));
        grouping.setLabel(getTranslation("ledger.filter.grouping"));
        grouping.setItems(LedgerGrouping.values());
        grouping.setItemLabelGenerator(g -> getTranslation("ledger.grouping." + g.name()));
        grouping.setValue(LedgerGrouping.SECTION);
        cycle.addValueChangeListener(e -> refresh());
        section.addValueChangeListener(e -> refresh());
        leadUnit.addValueChangeListener(e -> refresh());
        unit.addValueChangeListener(e -> refresh());
        countyOnly.addValueChangeListener(e -> refresh());
        light.addValueChangeListener(e -> refresh());
        grouping.addValueChangeListener(e -> refresh());
    }

    private Component toolbar() {
        Anchor xlsx = new Anchor((DownloadHandler) event -> {
            String title = exportTitle;
            event.setFileName(excel.fileName(title));
            event.setContentType(XLSX);
            excel.write(filter, title, locale, event.getOutputStream());
        }, AttachmentType.DOWNLOAD, getTranslation("ledger.export.xlsx"));
        xlsx.setId("ledger-export-xlsx");
        bulletinLink = new Anchor((DownloadHandler) event -> {
            Long cycleId = filter.cycleId();
            if (cycleId == null) {
                throw new IllegalStateException("no cycle chosen");
            }
            CycleBulletin bulletin = bulletins.bulletin(cycleId);
            event.setFileName(word.fileName(bulletin, locale));
            event.setContentType(DOCX);
            word.write(bulletin, locale, event.getOutputStream());
        }, AttachmentType.DOWNLOAD, getTranslation("ledger.export.bulletin"));
        bulletinLink.setId("ledger-export-bulletin");
        bulletinLink.setVisible(access.mayOverride());
        total.setId("ledger-total");
        HorizontalLayout filters = new HorizontalLayout(cycle, section, leadUnit, unit, countyOnly, light, grouping);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout actions = new HorizontalLayout(total, xlsx, bulletinLink);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("gap", "var(--lumo-space-l)");
        return new VerticalLayout(filters, actions) {
            {
                setPadding(false);
                setSpacing(false);
            }
        };
    }

    private void configureGrid() {
        grid.setId("ledger");
        grid.setSizeFull();
        grid.setPageSize(ledger.pageSize());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> groupLabel(r)).setHeader(getTranslation("ledger.column.group")).setFlexGrow(1)
                .setKey("group");
        grid.addComponentColumn(r -> LightBadge.of(r.light(), text.light(r.light().light()),
                text.explain(r.light()))).setHeader(getTranslation("ledger.column.light")).setAutoWidth(true)
                .setFlexGrow(0).setKey("light");
        grid.addComponentColumn(r -> new Anchor("keytask/" + r.taskNumber(), r.taskLabel()))
                .setHeader(getTranslation("ledger.column.task")).setFlexGrow(3).setKey("task");
        grid.addColumn(LedgerRow::unitName).setHeader(getTranslation("ledger.column.unit")).setAutoWidth(true)
                .setFlexGrow(0).setKey("unit");
        grid.addColumn(r -> String.join("、", r.leadUnits())).setHeader(getTranslation("ledger.column.leads"))
                .setFlexGrow(1).setKey("leads");
        grid.addColumn(LedgerRow::periodCode).setHeader(getTranslation("ledger.column.cycle")).setAutoWidth(true)
                .setFlexGrow(0).setKey("cycle");
        grid.addColumn(r -> text.status(r.status())).setHeader(getTranslation("ledger.column.status"))
                .setAutoWidth(true).setFlexGrow(0).setKey("status");
        grid.addColumn(r -> r.percentDone() == null ? "" : r.percentDone() + "%")
                .setHeader(getTranslation("ledger.column.percent")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LedgerRow::returnCount).setHeader(getTranslation("ledger.column.returns")).setAutoWidth(true)
                .setFlexGrow(0).setKey("returns");
        grid.addColumn(r -> text.explain(r.light())).setHeader(getTranslation("ledger.column.explanation"))
                .setFlexGrow(3).setKey("explanation");
        grid.setEmptyStateText(getTranslation("ledger.grid.empty"));
        if (access.mayOverride()) {
            grid.addItemClickListener(e -> new OverrideDialog(e.getItem(), text,
                    (value, reason) -> act(() -> ledger.override(e.getItem().reportId(), value, reason)),
                    reason -> act(() -> ledger.clearOverride(e.getItem().reportId(), reason))).open());
        }
    }

    private String groupLabel(LedgerRow row) {
        return switch (filter.grouping()) {
            case SECTION -> row.sectionLabel() + "、" + row.sectionTitle();
            case LEAD_UNIT -> row.primaryLeadName() == null ? "" : row.primaryLeadName();
            case UNIT -> row.unitName();
            case CYCLE -> row.periodCode();
        };
    }

    private void act(Runnable serviceCall) {
        try {
            serviceCall.run();
            Notification.show(getTranslation("ledger.override.saved"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            grid.getDataProvider().refreshAll();
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        filter = new LedgerFilter(cycle.getValue() == null ? null : cycle.getValue().id(),
                section.getValue() == null ? null : section.getValue().id(),
                leadUnit.getValue() == null ? null : leadUnit.getValue().code(),
                unit.getValue() == null ? null : unit.getValue().code(), countyOnly.getValue(), light.getValue(),
                grouping.getValue());
        LedgerFilter current = filter;
        exportTitle = cycle.getValue() == null ? text.get("ledger.export.title", text.get("ledger.filter.allCycles"))
                : text.get("ledger.export.title", cycle.getValue().periodCode());
        long count = ledger.count(current);
        total.setText(getTranslation("ledger.total", count));
        if (bulletinLink != null) {
            bulletinLink.setEnabled(current.cycleId() != null);
        }
        grid.setItems(query -> ledger.page(current, query.getOffset(), query.getLimit()).stream(),
                query -> (int) ledger.count(current));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.title") + " · " + getTranslation("app.name");
    }
}
