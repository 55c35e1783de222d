package com.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.support.IntegrationTest;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's mapping XML leaves the heap once the engine is built (EngineConfig.releaseMappingXml). Every other
 * test that touches the engine runs its statements after that.
 */
class MappingXmlReleasedTest extends IntegrationTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void noFragmentIsKept_andNoStatementWaitsForOne() {
        Configuration mappings = engine.getSqlSessionFactory().getConfiguration();

        assertThat(mappings.getSqlFragments()).isEmpty();
        assertThat(mappings.getIncompleteStatements()).isEmpty();
        assertThat(mappings.getMappedStatementNames()).hasSizeGreaterThan(1_000);
    }
}
