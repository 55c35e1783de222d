package com.onboarding.engine;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At start-up, once the models are deployed (and, on PostgreSQL, under the start-up lock): the running instances of
 * older versions move to the latest version of their process ({@link InstanceMigration}), then every version that
 * runs is checked against this code ({@link ModelGuard}). onboarding.migration.on-start=false leaves the instances
 * where they are (they are then only named in the log when they need code that is gone).
 */
@Component
public class ProcessVersionsAtStart implements SmartInitializingSingleton {

    private final InstanceMigration migration;
    private final ModelGuard guard;
    private final boolean migrate;

    ProcessVersionsAtStart(InstanceMigration migration, ModelGuard guard,
            @Value("${onboarding.migration.on-start:true}") boolean migrate) {
        this.migration = migration;
        this.guard = guard;
        this.migrate = migrate;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (migrate) {
            migration.migrateAllToLatest();
        }
        guard.check(migrate);
    }
}
