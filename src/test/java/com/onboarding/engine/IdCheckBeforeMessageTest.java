package com.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onboarding.support.IntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine inserts through {@link IdCheckBeforeMessage}'s entity manager, which refuses the ids the engine refuses,
 * with the engine's message, and describes an entity only when it refuses it.
 */
class IdCheckBeforeMessageTest extends IntegrationTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void theEngineInsertsThroughTheCheapCheck() {
        Class<?> used = engine.getCommandExecutorTxRequired()
                .execute(context -> context.getDbEntityManager().getClass());

        assertThat(used).isEqualTo(IdCheckBeforeMessage.EntityManager.class);
    }

    @Test
    void aValidIdPassesWithoutDescribingTheEntity() {
        CountingTimer timer = new CountingTimer("4f1c0e2a-0000-4000-8000-000000000001");

        new IdCheckBeforeMessage.EntityManager(null, null).validateId(timer);

        assertThat(timer.described).hasValue(0);
    }

    @Test
    void aMissingOrReservedIdIsRefusedAsTheEngineRefusesIt() {
        for (String id : new String[] {null, "*"}) {
            CountingTimer timer = new CountingTimer(id);

            assertThatThrownBy(() -> new IdCheckBeforeMessage.EntityManager(null, null).validateId(timer))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("Entity timer " + id + " has an invalid id");
            assertThat(timer.described).hasValue(1);
        }
    }

    /** A timer that counts how often it was turned into text. */
    static final class CountingTimer extends TimerEntity {
        final AtomicInteger described = new AtomicInteger();

        CountingTimer(String id) {
            setId(id);
        }

        @Override
        public String toString() {
            described.incrementAndGet();
            return "timer " + id;
        }
    }
}
