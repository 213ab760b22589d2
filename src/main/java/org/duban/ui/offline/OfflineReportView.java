package org.duban.ui.offline;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.duban.ledger.roundtrip.CellError;
import org.duban.ledger.roundtrip.OfflineCycle;
import org.duban.ledger.roundtrip.OfflineTemplateExport;
import org.duban.ledger.roundtrip.OfflineUploadService;
import org.duban.ledger.roundtrip.TemplateRejectedException;
import org.duban.ledger.roundtrip.UploadResult;

/**
 * 离线填报: a clerk downloads the unit's reports of a cycle as an .xlsx, fills it in offline and uploads it; the
 * service checks every cell and saves valid rows as drafts, listed here with links to confirm them in the report form,
 * and every error by row and column.
 */
@Route("offline")
@Menu(order = 7, title = "ledger.offline.menu")
@RolesAllowed("CLERK")
public class OfflineReportView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final transient OfflineTemplateExport export;
    private final transient OfflineUploadService uploads;
    private final Locale locale;
    private final Select<OfflineCycle> cycle = new Select<>();
    private final VerticalLayout result = new VerticalLayout();
    /** Read by the download handler, which runs outside the UI's lock. */
    private volatile OfflineCycle chosen;
    private final List<OfflineCycle> cycles;

    public OfflineReportView(OfflineTemplateExport export, OfflineUploadService uploads) {
        this.export = export;
        this.uploads = uploads;
        this.locale = getLocale();
        setId("offline-view");
        setMaxWidth("1100px");
        add(new H2(getTranslation("ledger.offline.view.title")),
                new Paragraph(getTranslation("ledger.offline.view.intro")));
        cycles = export.cycles();
        if (cycles.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("ledger.offline.view.noCycles"));
            none.setId("offline-no-cycles");
            add(none);
        } else {
            add(downloadBar(cycles));
        }
        add(uploadPanel(), result);
        result.setPadding(false);
        result.setId("offline-result");
    }

    /** {@code ?cycle=<id>} chooses the cycle (links from elsewhere); otherwise the newest. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("cycle").filter(v -> v.matches("\\d{1,18}"))
                .map(Long::valueOf).flatMap(id -> cycles.stream().filter(c -> c.id().equals(id)).findFirst())
                .ifPresent(cycle::setValue);
    }

    private Component downloadBar(List<OfflineCycle> cycles) {
        cycle.setId("offline-cycle");
        cycle.setLabel(getTranslation("ledger.offline.view.cycle"));
        cycle.setItems(cycles);
        cycle.setItemLabelGenerator(c -> getTranslation("ledger.offline.view.cycleLabel", c.documentNumber(),
                String.valueOf(c.year()), c.periodCode(), String.valueOf(c.dueOn()), c.openReports()));
        cycle.setWidth("32em");
        cycle.addValueChangeListener(e -> chosen = e.getValue());
        cycle.setValue(cycles.get(0));
        Anchor download = new Anchor((DownloadHandler) event -> {
            OfflineCycle selected = chosen;
            if (selected == null) {
                throw new IllegalStateException("no cycle chosen");
            }
            event.setFileName(export.fileName(selected));
            event.setContentType(OfflineTemplateExport.CONTENT_TYPE);
            export.write(selected.id(), locale, event.getOutputStream());
        }, AttachmentType.DOWNLOAD, getTranslation("ledger.offline.view.download"));
        download.setId("offline-download");
        HorizontalLayout bar = new HorizontalLayout(cycle, download);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private Component uploadPanel() {
        UI ui = UI.getCurrent();
        long max = uploads.maxBytes();
        Upload upload = new Upload();
        upload.setId("offline-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        upload.setAcceptedFileTypes(".xlsx");
        // read at most one byte over the limit: a client that ignores maxFileSize gets no further than that
        upload.setUploadHandler((UploadHandler) event -> {
            byte[] bytes = readAtMost(event.getInputStream(), max + 1);
            Outcome outcome = process(event.getFileName(), bytes);
            ui.access(() -> {
                show(outcome);
                upload.clearFileList();
            });
        });
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("ledger.offline.view.upload"))
                .setMany(getTranslation("ledger.offline.view.upload")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("ledger.offline.view.drop"))
                .setMany(getTranslation("ledger.offline.view.drop")));
        upload.setI18n(i18n);
        VerticalLayout panel = new VerticalLayout(new H4(getTranslation("ledger.offline.view.upload")), upload,
                new Span(getTranslation("ledger.offline.view.limits", max / 1024 / 1024)));
        panel.setPadding(false);
        return panel;
    }

    private record Outcome(UploadResult result, String refusal) {
    }

    private Outcome process(String fileName, byte[] bytes) {
        try {
            return new Outcome(uploads.upload(fileName, bytes, locale), null);
        } catch (TemplateRejectedException e) {
            return new Outcome(null, e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        try (in) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE, limit));
        }
    }

    private void show(Outcome outcome) {
        result.removeAll();
        if (outcome.refusal() != null) {
            Paragraph refused = new Paragraph(getTranslation("ledger.offline.view.rejected", outcome.refusal()));
            refused.setId("offline-rejected");
            refused.getStyle().set("color", "var(--lumo-error-text-color)");
            result.add(refused);
            error(outcome.refusal());
            return;
        }
        UploadResult r = outcome.result();
        Span summary = new Span(getTranslation("ledger.offline.view.summary", r.saved().size(), r.rowsWithErrors(),
                r.unchangedRows().size()));
        summary.setId("offline-summary");
        result.add(summary);
        if (!r.saved().isEmpty()) {
            VerticalLayout saved = new VerticalLayout(new H4(getTranslation("ledger.offline.view.saved")));
            saved.setId("offline-saved");
            saved.setPadding(false);
            saved.setSpacing(false);
            for (UploadResult.SavedRow row : r.saved()) {
                Anchor open = new Anchor("report/" + row.reportId(), row.taskLabel());
                saved.add(new HorizontalLayout(new Span(getTranslation("ledger.offline.view.column.row") + " "
                        + row.row()), open));
            }
            result.add(saved);
        }
        if (!r.errors().isEmpty()) {
            Grid<CellError> errors = new Grid<>();
            errors.setId("offline-errors");
            errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            errors.addColumn(CellError::row).setHeader(getTranslation("ledger.offline.view.column.row"))
                    .setAutoWidth(true).setFlexGrow(0);
            errors.addColumn(e -> e.column() == null ? "" : e.column())
                    .setHeader(getTranslation("ledger.offline.view.column.column")).setAutoWidth(true)
                    .setFlexGrow(0);
            errors.addColumn(CellError::message).setHeader(getTranslation("ledger.offline.view.column.message"))
                    .setFlexGrow(1);
            errors.setItems(r.errors());
            errors.setAllRowsVisible(true);
            result.add(new H4(getTranslation("ledger.offline.view.errors")), errors);
        }
        Notification.show(summary.getText(), 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(r.errors().isEmpty() ? NotificationVariant.LUMO_SUCCESS
                        : NotificationVariant.LUMO_WARNING);
    }

    private void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.offline.view.title") + " · " + getTranslation("app.name");
    }
}
