package com.onboarding.webhooks;

import com.onboarding.engine.ProcessVariable;
import com.onboarding.engine.ProcessVariables;
import java.util.List;
import org.springframework.stereotype.Component;

/** The process {@code bpmn/webhook-delivery.bpmn} seen from Java: one instance per event and endpoint. */
@Component
public class WebhookDeliveryProcess implements ProcessVariables {

    public static final String KEY = "webhook-delivery";

    /** The delivery's row; its payload and endpoint stay in the application's tables. */
    public static final ProcessVariable<Long> DELIVERY_ID = ProcessVariable.of("webhookDeliveryId", Long.class);

    @Override
    public List<ProcessVariable<?>> declared() {
        return List.of(DELIVERY_ID);
    }

    public static final String BUSINESS_KEY_PREFIX = "webhook-delivery-";

    public static String businessKey(long deliveryId) {
        return BUSINESS_KEY_PREFIX + deliveryId;
    }

    /** The ids of the elements of bpmn/webhook-delivery.bpmn (ModelNamesTest: exactly the model's flow elements). */
    public static final class Elements {

        private Elements() {
        }

        /** start event "Event occurred". */
        public static final String EVENT_OCCURRED = "Event_EventOccurred";
        /** service task "Deliver event". */
        public static final String DELIVER_EVENT = "Activity_DeliverEvent";
        /** end event "Event delivered". */
        public static final String EVENT_DELIVERED = "Event_EventDelivered";
    }
}
