package dev.chatmigrate.contract;

import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Index;
import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.SchemaTables;
import dev.chatmigrate.spi.UpToDateCheck;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.spi.ValidationReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Engines broken on purpose, one wrong behaviour each, every one a {@code jdbc} baseline otherwise:
 * {@link BrokenEnginesFailTheContractTest} runs the contract against them.
 */
final class BrokenEngines {

    private BrokenEngines() {
    }

    /** Has a good id but no {@code META-INF/services} entry, so nothing finds it by id. */
    static final class Undiscoverable extends Forwarding {
        @Override
        public String id() {
            return "undiscoverable";
        }
    }

    /** Records version 2 without creating {@code messages}. */
    static final class SkipsVersionTwo extends JdbcBaselineProvider {
        @Override
        protected String upScript(int version) {
            return version == 2 ? "select 1" : super.upScript(version);
        }
    }

    /** Applies every version up to the latest, whatever the target. */
    static final class IgnoresTarget extends Forwarding {
        @Override
        public MigrationEngine open(MigrationSettings settings) {
            return new ForwardingEngine(super.open(settings)) {
                @Override
                public MigrationReport migrate(int targetVersion) {
                    return super.migrate(ChatbotSchema.LATEST_VERSION);
                }
            };
        }
    }

    /** Applies every script but never records it, so every run applies everything again. */
    static final class ForgetsHistory extends JdbcBaselineProvider {
        @Override
        protected boolean recordsHistory() {
            return false;
        }
    }

    /** Steps that fail on objects that already exist ({@code create table} without {@code if not exists}). */
    static final class NonIdempotentSteps extends JdbcBaselineProvider {
        @Override
        protected String upScript(int version) {
            return super.upScript(version).replace("create table if not exists", "create table").replace("create index if not exists", "create index");
        }
    }

    /** The first step after {@link DatabaseState#BEHIND_VERSION} deletes every message. */
    static final class LosesRowsOnUpgrade extends JdbcBaselineProvider {
        @Override
        protected String upScript(int version) {
            return (version == DatabaseState.BEHIND_VERSION + 1 ? "delete from messages;\n" : "") + super.upScript(version);
        }
    }

    /** The index built concurrently (version 4's) is dropped and built anew by its version, whatever it finds. */
    static final class RebuildsTheIndex extends JdbcBaselineProvider {
        @Override
        protected String upScript(int version) {
            Index index = concurrentIndex();
            return (version == index.version() ? "drop index if exists " + index.name() + ";\n" : "") + super.upScript(version);
        }
    }

    /**
     * The index built concurrently (version 4's) is dropped from the parent and built on each partition that exists,
     * so that a partition created later has none (nor has the parent).
     */
    static final class IndexesEachPartitionOnly extends JdbcBaselineProvider {
        @Override
        protected String upScript(int version) {
            Index index = concurrentIndex();
            if (version != index.version()) {
                return super.upScript(version);
            }
            String columns = String.join(", ", index.columns());
            return "drop index if exists " + index.name() + ";\n"
                    + "do $$ declare p regclass; begin\n"
                    + "  for p in select inhrelid::regclass from pg_inherits where inhparent = 'messages'::regclass loop\n"
                    + "    execute format('create index on %s (" + columns + ")', p);\n"
                    + "  end loop;\n"
                    + "end $$";
        }
    }

    private static Index concurrentIndex() {
        return ChatbotSchema.INDEXES.stream().filter(index -> index.buildMode() == Index.BuildMode.CONCURRENTLY).findFirst().orElseThrow();
    }

    /** Undo that does nothing: downgrades leave the newer objects behind. */
    static final class IgnoresUndo extends JdbcBaselineProvider {
        @Override
        protected String downScript(int version) {
            return "select 1";
        }
    }

    /** Declares checksum validation but finds no problem, ever. */
    static final class ValidatesNothing extends Forwarding {
        @Override
        public MigrationEngine open(MigrationSettings settings) {
            return new ForwardingEngine(super.open(settings)) {
                @Override
                public ValidationReport validate() {
                    return new ValidationReport(id(), List.of());
                }
            };
        }
    }

    /** Declares the up-to-date check but never answers it. */
    static final class NeverVerifies extends JdbcBaselineProvider {
        @Override
        public Optional<UpToDateCheck> upToDateCheck() {
            UpToDateCheck real = super.upToDateCheck().orElseThrow();
            return Optional.of(new UpToDateCheck() {
                @Override
                public String query(String schema) {
                    return real.query(schema);
                }

                @Override
                public OptionalInt verify(ResultSet rows) {
                    return OptionalInt.empty();
                }
            });
        }
    }

    /** Takes any history with rows as proof of the latest version: ignores checksums and downgrades. */
    static final class TrustsAnyHistory extends JdbcBaselineProvider {
        @Override
        public Optional<UpToDateCheck> upToDateCheck() {
            return Optional.of(new UpToDateCheck() {
                @Override
                public String query(String schema) {
                    return "select count(*) from " + SchemaTables.qualified(schema, historyTable());
                }

                @Override
                public OptionalInt verify(ResultSet rows) throws SQLException {
                    rows.next();
                    return rows.getLong(1) > 0 ? OptionalInt.of(ChatbotSchema.LATEST_VERSION) : OptionalInt.empty();
                }
            });
        }
    }

    /** A warm-up that needs a database, and so fails without one. */
    static final class WarmUpNeedsADatabase extends JdbcBaselineProvider {
        @Override
        public void warmUp() {
            throw new IllegalStateException("warm-up needs a database connection");
        }
    }

    /** A {@code jdbc} baseline behind a wrapper, to break one method of the provider or the engine. */
    abstract static class Forwarding implements MigrationEngineProvider {
        private final JdbcBaselineProvider baseline = new JdbcBaselineProvider();

        @Override
        public String id() {
            return baseline.id();
        }

        @Override
        public Set<Capability> capabilities() {
            return baseline.capabilities();
        }

        @Override
        public MigrationEngine open(MigrationSettings settings) {
            return baseline.open(settings);
        }

        @Override
        public Optional<UpToDateCheck> upToDateCheck() {
            return baseline.upToDateCheck();
        }

        @Override
        public List<String> historyTables() {
            return baseline.historyTables();
        }
    }

    /** Forwards every call to the engine it wraps. */
    static class ForwardingEngine implements MigrationEngine {
        private final MigrationEngine delegate;

        ForwardingEngine(MigrationEngine delegate) {
            this.delegate = delegate;
        }

        @Override
        public MigrationReport migrate(int targetVersion) {
            return delegate.migrate(targetVersion);
        }

        @Override
        public MigrationReport downgrade(int targetVersion) {
            return delegate.downgrade(targetVersion);
        }

        @Override
        public StatusReport status() {
            return delegate.status();
        }

        @Override
        public ValidationReport validate() {
            return delegate.validate();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
