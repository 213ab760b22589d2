package org.duban.process;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** An upload failed validation (or the engine refused it); nothing was deployed. The message is in English. */
public class DeploymentRejectedException extends RuntimeException {

    private final transient List<ValidationProblem> problems;

    public DeploymentRejectedException(List<ValidationProblem> problems) {
        super(problems.stream().map(p -> p.describe(Locale.ENGLISH)).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }
}
