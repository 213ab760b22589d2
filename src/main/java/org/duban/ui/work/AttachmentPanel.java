package org.duban.ui.work;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.duban.inbox.AttachmentInfo;
import org.duban.inbox.AttachmentRejectedException;
import org.duban.inbox.AttachmentRules;

/**
 * Files attached to something (a progress report, a closure application): the list with downloads, and where the user
 * may change it, an upload and a remove button per removable file. What the files belong to, and who may do what, is
 * the owning service's: this panel only calls the functions it is given.
 */
public class AttachmentPanel extends VerticalLayout {

    /** What the panel may do with the files; {@code upload} and {@code remove} null when the list is read-only. */
    public record Operations(Supplier<List<Entry>> list, Function<Long, byte[]> content, FileStore upload,
            java.util.function.Consumer<Long> remove) {
    }

    /** One file, and whether this user may remove it now. */
    public record Entry(AttachmentInfo file, boolean removable) {
    }

    /** Stores one uploaded file. */
    @FunctionalInterface
    public interface FileStore {
        void store(String fileName, String contentType, byte[] bytes);
    }

    private final Operations operations;
    private final VerticalLayout list = new VerticalLayout();

    public AttachmentPanel(String id, Operations operations, AttachmentRules rules) {
        this.operations = operations;
        setId(id);
        setPadding(false);
        list.setPadding(false);
        list.setSpacing(false);
        add(list);
        refresh();
        if (operations.upload() != null) {
            Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
                try {
                    operations.upload().store(metadata.fileName(), metadata.contentType(), bytes);
                    Notification.show(getTranslation("work.attachment.added", metadata.fileName()))
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (AttachmentRejectedException e) {
                    error(getTranslation("work.attachment.rejected." + e.reason().name(), e.detail()));
                } catch (RuntimeException e) {
                    error(e.getMessage());
                }
                refresh();
            }));
            upload.setId(id + "-upload");
            upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, rules.maxBytes()));
            upload.setMaxFiles(rules.maxFiles());
            upload.setAcceptedFileTypes(rules.allowedExtensions().stream().map(e -> "." + e).toArray(String[]::new));
            upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
            add(upload, new Span(getTranslation("work.attachment.limits", rules.maxBytes() / 1024 / 1024,
                    String.join(", ", rules.allowedExtensions()))));
        }
    }

    /** Lists the files again (after an upload or a removal). */
    public final void refresh() {
        list.removeAll();
        List<Entry> files = operations.list().get();
        if (files.isEmpty()) {
            list.add(new Span(getTranslation("work.attachment.none")));
        }
        for (Entry entry : files) {
            AttachmentInfo file = entry.file();
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] bytes = operations.content().apply(file.id());
                return new DownloadResponse(new ByteArrayInputStream(bytes), file.fileName(), file.contentType(),
                        bytes.length);
            }), file.fileName());
            download.setId("attachment-" + file.id());
            HorizontalLayout line = new HorizontalLayout(download,
                    new Span(getTranslation("work.attachment.size", Math.max(1, file.byteCount() / 1024))));
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            if (entry.removable() && operations.remove() != null) {
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                    try {
                        operations.remove().accept(file.id());
                    } catch (RuntimeException ex) {
                        error(ex.getMessage());
                    }
                    refresh();
                });
                remove.setId("remove-attachment-" + file.id());
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("work.attachment.remove", file.fileName()));
                line.add(remove);
            }
            list.add(line);
        }
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
