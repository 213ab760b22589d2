package org.duban.ui.assessment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import org.duban.assessment.AssessmentService;
import org.duban.assessment.Weights;
import org.duban.ui.review.ReviewNotices;

/** The admin's form for the assessment weights; the service validates them (non-negative, 100 in total). */
class WeightsDialog extends Dialog {

    private final transient AssessmentService assessments;
    private final IntegerField[] fields = new IntegerField[Weights.Component.values().length];
    private final Paragraph error = new Paragraph();

    WeightsDialog(AssessmentService assessments, Runnable saved) {
        this.assessments = assessments;
        setHeaderTitle(getTranslation("assessment.weights.title"));
        Weights current = assessments.weights();
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        for (Weights.Component c : Weights.Component.values()) {
            IntegerField field = new IntegerField(getTranslation("assessment.component." + c.name()));
            field.setId("weight-" + c.name());
            field.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
            field.setValue(current.of(c));
            field.setMin(0);
            field.setMax(100);
            field.setStepButtonsVisible(true);
            fields[c.ordinal()] = field;
            form.add(field);
        }
        error.setId("assessment-weights-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        form.add(new Paragraph(getTranslation("assessment.weights.hint")), error);
        add(form);
        Button save = new Button(getTranslation("assessment.weights.save"), e -> {
            error.setText("");
            try {
                assessments.updateWeights(fields[0].getValue(), fields[1].getValue(), fields[2].getValue(),
                        fields[3].getValue());
                close();
                saved.run();
            } catch (IllegalArgumentException ex) {
                error.setText(ReviewNotices.inLanguageOf(this, ex.getMessage()));
            }
        });
        save.setId("assessment-weights-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("assessment.weights.cancel"), e -> close()), save);
    }
}
