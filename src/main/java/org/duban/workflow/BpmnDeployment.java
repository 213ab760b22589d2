package org.duban.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code bpmn/} (processes, decisions, forms) at start, as one deployment named {@value #DEPLOYMENT_NAME}
 * with resource names relative to {@code bpmn/}, so duplicate filtering recognises unchanged files wherever the jar
 * runs from: an unchanged folder creates no new version, a changed file a new version of everything in it (forms are
 * bound to their process version).
 */
@Component
@Order(1)
public class BpmnDeployment implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "duban";
    private static final Logger log = LoggerFactory.getLogger(BpmnDeployment.class);
    private static final String[] PATTERNS = {"classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn",
            "classpath*:bpmn/**/*.form"};

    private final RepositoryService repository;

    public BpmnDeployment(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        deploy();
    }

    public Deployment deploy() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).source("duban-startup")
                .enableDuplicateFiltering(false);
        int count = 0;
        try {
            for (String pattern : PATTERNS) {
                Resource[] resources = resolver.getResources(pattern);
                Arrays.sort(resources, Comparator.comparing(BpmnDeployment::relativeName));
                for (Resource resource : resources) {
                    try (InputStream in = resource.getInputStream()) {
                        builder.addInputStream(relativeName(resource), in);
                    }
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bpmn/ from the classpath", e);
        }
        var deployment = builder.deployWithResult();
        boolean changed = deployment.getDeployedProcessDefinitions() != null
                && !deployment.getDeployedProcessDefinitions().isEmpty();
        log.info("bpmn/: {} resources, deployment {} ({})", count, deployment.getId(),
                changed ? "new versions" : "unchanged");
        return deployment;
    }

    /** {@code bpmn/forms/fill-report.form}, whether the resource sits in a folder or in the jar. */
    static String relativeName(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.lastIndexOf("bpmn/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
