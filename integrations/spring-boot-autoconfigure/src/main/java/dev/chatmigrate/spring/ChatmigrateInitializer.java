package dev.chatmigrate.spring;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.StandbyReplay;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs {@link Chatmigrate#migrate()} once, when the bean is initialized: every bean that depends on
 * database initialization (JPA, {@code JdbcTemplate}, {@code JdbcClient}, Spring AI's chat memory
 * repository, ...) is created after it. A failure propagates and stops the application; the
 * {@link MigrationFailureAnalyzer} explains it.
 */
public class ChatmigrateInitializer implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(ChatmigrateInitializer.class);

    private final Chatmigrate chatmigrate;
    private final EngineLibraryCheck libraryCheck;
    private volatile MigrationReport report;

    ChatmigrateInitializer(Chatmigrate chatmigrate, EngineLibraryCheck libraryCheck) {
        this.chatmigrate = Objects.requireNonNull(chatmigrate, "chatmigrate");
        this.libraryCheck = Objects.requireNonNull(libraryCheck, "libraryCheck");
    }

    @Override
    public void afterPropertiesSet() {
        libraryCheck.check(chatmigrate.settings().engineId());
        MigrationReport done = chatmigrate.migrate();
        if (chatmigrate.enabled()) {
            LOG.info(describe(done, chatmigrate.settings().schema()));
        }
        report = done;
    }

    /** What the startup migration did (for a disabled one: the version found); null before it ran. */
    public MigrationReport report() {
        return report;
    }

    /** The chatmigrate this initializer ran. */
    public Chatmigrate chatmigrate() {
        return chatmigrate;
    }

    /** One line, as the command prints it: what was applied, on which server, how long it took, what was adopted, the standbys. */
    static String describe(MigrationReport report, String schema) {
        if (report.trackedBy().isPresent()) {
            return String.format("%s: schema %s is tracked by %s at version %d; %s changed nothing (to switch engines, once: chatmigrate.switch-engine=true)",
                    report.engineId(), schema, report.trackedBy().get(), report.versionAfter(), report.engineId());
        }
        String on = report.host() == null ? "" : " on " + report.host();
        String line = report.steps().isEmpty()
                ? String.format("%s: schema %s is at version %d, nothing to apply%s (%d ms)", report.engineId(), schema, report.versionAfter(),
                        on, report.duration().toMillis())
                : String.format("%s: schema %s migrated from version %d to %d%s in %d ms (applied %s)", report.engineId(), schema,
                        report.versionBefore(), report.versionAfter(), on, report.duration().toMillis(),
                        report.steps().stream().map(AppliedStep::version).map(String::valueOf).collect(Collectors.joining(", ")));
        if (!report.alreadyPresent().isEmpty()) {
            line += "; recorded as already present (not applied): versions " + report.alreadyPresent();
        }
        String adopted = report.adoption().isEmpty() ? line : line + "; adopted: " + String.join("; ", report.adoption());
        return report.standbys().isEmpty() ? adopted
                : adopted + "; standbys: " + report.standbys().stream().map(StandbyReplay::describe).collect(Collectors.joining("; "));
    }
}
