package com.onboarding.webhooks.process;

import com.onboarding.webhooks.WebhookDeliveries;
import com.onboarding.webhooks.WebhookDeliveryProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Deliver event" (async, retried by the engine with webhookSettings.retrySchedule). */
@Component("deliverWebhook")
class DeliverWebhookDelegate implements JavaDelegate {

    private final WebhookDeliveries deliveries;

    DeliverWebhookDelegate(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliveries.deliver(WebhookDeliveryProcess.DELIVERY_ID.get(execution), execution.getProcessBusinessKey());
    }
}
