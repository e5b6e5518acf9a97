package dev.chatmigrate.adapter.liquibase;

import java.util.Map;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * The Liquibase scope every call of this adapter runs in, so that Liquibase behaves as a library in
 * production and not as a command-line tool:
 * <ul>
 *   <li>usage analytics are off ({@code liquibase.analytics.enabled=false}): Liquibase 4.33 would
 *       otherwise fetch its analytics configuration from the internet at every start (up to 1.5 s,
 *       and it reports usage). A scoped value outranks system properties and the environment, so no
 *       deployment setting can turn it back on behind our back;</li>
 *   <li>what Liquibase would print to stdout ("Running Changeset", update summaries) becomes log lines;</li>
 *   <li>Liquibase logs through slf4j ({@link Slf4jLogService});</li>
 *   <li>the changelog is read from this adapter's class loader;</li>
 *   <li>the lock service is {@link AdvisoryLockedLockService}.</li>
 * </ul>
 */
final class LiquibaseScope {

    /** Marks this adapter's scope, for the services that apply only inside it. */
    private static final String ACTIVE = "dev.chatmigrate.adapter.liquibase.active";

    private LiquibaseScope() {
    }

    /** Whether the current Liquibase scope is this adapter's. */
    static boolean isActive() {
        return Scope.getCurrentScope().get(ACTIVE, false);
    }

    /** The scoped values; a fresh map for each call, as Liquibase's UI and log services hold no state worth sharing. */
    static Map<String, Object> values() {
        return Map.of(
                ACTIVE, Boolean.TRUE,
                AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE,
                Scope.Attr.ui.name(), new LoggerUIService(),
                Scope.Attr.logService.name(), new Slf4jLogService(),
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(LiquibaseScope.class.getClassLoader()));
    }

    /** Runs {@code work} in this adapter's scope. */
    static <T> T run(Scope.ScopedRunnerWithReturn<T> work) throws Exception {
        return Scope.child(values(), work);
    }
}
