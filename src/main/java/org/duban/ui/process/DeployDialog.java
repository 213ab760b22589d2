package org.duban.ui.process;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.process.DeploymentFile;
import org.duban.process.DeploymentOutcome;
import org.duban.process.DeploymentRejectedException;
import org.duban.process.ProcessLifecycleService;
import org.duban.process.ValidationProblem;

/**
 * Uploads the files of one deployment (BPMN, DMN, forms), checks them on request or before deploying, and lists every
 * problem by file and line. Nothing is deployed while a problem remains; the current versions keep serving.
 */
class DeployDialog extends Dialog {

    private static final int MAX_FILES = 20;

    private final transient ProcessLifecycleService lifecycle;
    private final Runnable deployed;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final TextField name = new TextField();
    private final Upload upload = new Upload();
    private final Paragraph fileList = new Paragraph();
    private final Div status = new Div();
    private final UnorderedList problems = ProcessUi.errorList("process-problems");

    DeployDialog(ProcessLifecycleService lifecycle, Runnable deployed) {
        this.lifecycle = lifecycle;
        this.deployed = deployed;
        setHeaderTitle(getTranslation("process.deploy.title"));
        setWidth("52rem");
        name.setLabel(getTranslation("process.deploy.name"));
        name.setWidthFull();
        name.setMaxLength(200);
        name.setId("process-deploy-name");
        configureUpload();
        status.setId("process-deploy-status");
        showFiles();
        add(new Paragraph(getTranslation("process.deploy.help")), name, upload, fileList, status, problems);
        Button clear = new Button(getTranslation("process.action.clear"), e -> clearFiles());
        Button check = new Button(getTranslation("process.action.validate"), e -> check());
        check.setId("process-validate");
        Button deploy = new Button(getTranslation("process.action.deploy"), e -> deploy());
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        deploy.setId("process-deploy");
        getFooter().add(new Button(getTranslation("process.action.cancel"), e -> close()), clear, check, deploy);
    }

    private void configureUpload() {
        UI ui = UI.getCurrent();
        upload.setId("process-files");
        upload.setMaxFiles(MAX_FILES);
        upload.setAcceptedFileTypes(".bpmn", ".dmn", ".form");
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> ui.access(() -> {
            files.put(metadata.fileName(), data);
            if (name.isEmpty()) {
                name.setValue(metadata.fileName());
            }
            showFiles();
            ProcessUi.fill(problems, List.of());
            status.setText("");
        })));
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("process.upload.add"))
                .setMany(getTranslation("process.upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("process.upload.drop"))
                .setMany(getTranslation("process.upload.drop")));
        upload.setI18n(i18n);
    }

    private void showFiles() {
        fileList.setText(files.isEmpty() ? getTranslation("process.deploy.noFiles")
                : getTranslation("process.deploy.files", String.join(", ", files.keySet())));
    }

    private void clearFiles() {
        files.clear();
        upload.clearFileList();
        name.clear();
        showFiles();
        ProcessUi.fill(problems, List.of());
        status.setText("");
    }

    private List<DeploymentFile> upload() {
        List<DeploymentFile> list = new ArrayList<>();
        files.forEach((fileName, content) -> list.add(new DeploymentFile(fileName, content)));
        return list;
    }

    private void check() {
        List<ValidationProblem> found = lifecycle.validate(upload());
        if (found.isEmpty()) {
            status.setText(getTranslation("process.deploy.valid", files.size()));
            ProcessUi.fill(problems, List.of());
        } else {
            showProblems(found);
        }
    }

    private void deploy() {
        try {
            DeploymentOutcome outcome = lifecycle.deploy(name.getValue(), upload());
            List<String> created = new ArrayList<>(outcome.processes());
            created.addAll(outcome.decisions());
            created.addAll(outcome.forms());
            String text = getTranslation("process.deploy.done", outcome.name(), String.join(", ", created));
            if (!outcome.carriedForms().isEmpty()) {
                text += " " + getTranslation("process.deploy.carried", String.join(", ", outcome.carriedForms()));
            }
            ProcessUi.success(text);
            deployed.run();
            close();
        } catch (DeploymentRejectedException e) {
            showProblems(e.problems());
        }
    }

    private void showProblems(List<ValidationProblem> found) {
        status.setText(getTranslation("process.deploy.rejected", found.size()));
        ProcessUi.fill(problems, found.stream().map(p -> ProcessUi.problem(this, p)).toList());
    }
}
