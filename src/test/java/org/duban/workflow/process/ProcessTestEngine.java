package org.duban.workflow.process;

import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * The standalone in-memory engine of the process tests (process-test.camunda.cfg.xml), built once per JVM.
 */
final class ProcessTestEngine {

    static final String CONFIGURATION = "process-test.camunda.cfg.xml";

    private ProcessTestEngine() {
    }

    static ProcessEngineExtension extension() {
        ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource(CONFIGURATION)
                .build();
        // The Spring Boot tests run in the same JVM: their REST API, webapps and camunda-bpm-assert look engines up in
        // this static registry, where a second engine would show up or make "the" engine ambiguous.
        ProcessEngines.unregister(extension.getProcessEngine());
        return extension;
    }
}
