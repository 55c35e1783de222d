package com.onboarding.engine;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Erasing a process instance's history, with the history of the instances it called (a four-eyes approval): the
 * engine deletes a called instance with its caller at run time, but not in history.
 */
@Component
public class ProcessHistory {

    private final HistoryService history;

    ProcessHistory(HistoryService history) {
        this.history = history;
    }

    public void deleteWithCalledInstances(String processInstanceId) {
        for (HistoricProcessInstance called : history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(processInstanceId).list()) {
            deleteWithCalledInstances(called.getId());
        }
        history.deleteHistoricProcessInstanceIfExists(processInstanceId);
    }
}
