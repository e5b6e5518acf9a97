package dev.chatmigrate.core.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.orm.AlembicDatabase;
import dev.chatmigrate.testing.orm.HibernateDatabase;
import dev.chatmigrate.testing.orm.IdKind;
import dev.chatmigrate.testing.orm.OrmDatabaseLifecycle;
import dev.chatmigrate.testing.orm.OrmRows;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.adoption.AdoptionConflictException;
import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.core.adoption.AdoptionStep;
import dev.chatmigrate.core.MigrationPlan;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.verifier.Drift;
import dev.chatmigrate.verifier.DriftReport;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Adoption of the databases real ORMs make, with the {@code jdbc} baseline engine (engine-independent; the integration tests'
 * {@code OrmAdoptionEveryEngineTest} runs every engine). Each nested class makes its database once: the plan and the
 * refusal change nothing, then the adoption runs last.
 */
@DisplayName("Adoption of what real ORMs make (jdbc engine)")
class OrmAdoptionTest {

    private static final String ENGINE = "jdbc";
    private static final AdoptionOptions CONVERT_IDS = AdoptionOptions.DEFAULT.withConvertIds(true);
    private static final AdoptionOptions LOWERCASE_ROLES = AdoptionOptions.DEFAULT.withLowercaseRoles(true);
    private static final AdoptionOptions BOTH = CONVERT_IDS.withLowercaseRoles(true);

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class OrmDatabase extends OrmDatabaseLifecycle {

        /** Plans with {@code options}, proving the plan changed nothing. */
        MigrationPlan planChangingNothing(AdoptionOptions options) throws SQLException {
            String before = Adopted.state(database);
            MigrationPlan plan = Adopted.plan(database, ENGINE, options);
            assertThat(Adopted.state(database)).as("catalog, data and relations after plan").isEqualTo(before);
            return plan;
        }

        /** Migrates with {@code options}; asserts rows kept (translated through the id map), verify clean but for {@code extras}. */
        MigrationReport adoptKeepingRows(AdoptionOptions options, List<String> extras) throws SQLException {
            MigrationReport report = Adopted.migrate(database, ENGINE, options);
            assertThat(report.versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
            OrmRows after = Adopted.rows(database);
            assertThat(after).isEqualTo(options.convertIds() || options.lowercaseRoles()
                    ? Adopted.translated(database, written, options.lowercaseRoles()) : written);
            assertThat(after.messages()).allSatisfy(message -> assertThat(after.conversationIds()).contains(message.conversationId()));
            DriftReport drift = Adopted.drift(database);
            assertThat(drift.differences()).as("%s", drift).isEmpty();
            assertThat(drift.extras()).extracting(Drift::object).containsExactlyInAnyOrderElementsOf(extras);
            MigrationPlan again = Adopted.plan(database, ENGINE, options);
            assertThat(again.adoption()).as("a second plan: %s", again).isEmpty();
            return report;
        }
    }

    @Nested
    @DisplayName("Alembic + SQLModel, uuid ids")
    class AlembicUuid extends OrmDatabase {

        @Override
        protected OrmRows make(TestDatabase database) {
            return AlembicDatabase.create(database, IdKind.UUID);
        }

        @Test
        @Order(1)
        @DisplayName("plan: varchar to varchar(255) and text, timestamps read as UTC without a rewrite, cascade, defaults; changes nothing")
        void planShowsEveryStep() throws SQLException {
            MigrationPlan plan = planChangingNothing(AdoptionOptions.DEFAULT);

            assertThat(plan.wouldSucceed()).as("%s", plan.conflicts()).isTrue();
            assertThat(String.join("\n", plan.adoption().stream().map(AdoptionStep::description).toList())).contains(
                    "changed column conversations.user_id from character varying to character varying(255): no value is longer",
                    "changed column messages.content from character varying to text",
                    "changed column messages.created_at from timestamp without time zone to timestamp with time zone, reading the stored values as UTC time",
                    "replaced foreign key messages_conversation_id_fkey (FOREIGN KEY (conversation_id) REFERENCES conversations(id)) by fk_messages_conversation_id",
                    "renamed constraint conversations_pkey on conversations to pk_conversations",
                    "set the default of conversations.id to gen_random_uuid()");
            assertThat(plan.adoption()).filteredOn(step -> step.sql().contains("type character varying(16)")).singleElement()
                    .satisfies(step -> assertThat(step.sql()).contains("\"content\" type text", "\"created_at\" type timestamp with time zone"))
                    .satisfies(step -> assertThat(step.rewrites()).as("varchar to varchar(16) rewrites messages once").isTrue());
            assertThat(plan.adoption()).allSatisfy(step -> assertThat(step.lock()).isNotBlank());
            assertThat(plan.extras()).containsExactly("index ix_messages_conversation_id on messages (btree (conversation_id))");
            assertThat(plan.versionsToApply()).isNotEmpty();
        }

        @Test
        @Order(2)
        @DisplayName("migrate adopts: same rows, contents, instants and conversations; verify clean but for the ORM's index, left in place")
        void adopts() throws SQLException {
            MigrationReport report = adoptKeepingRows(AdoptionOptions.DEFAULT, List.of("index ix_messages_conversation_id"));
            assertThat(report.adoption()).contains("left in place index ix_messages_conversation_id on messages (btree (conversation_id)):"
                    + " not part of the canonical schema");
        }
    }

    @Nested
    @DisplayName("Alembic + SQLModel, serial integer ids")
    class AlembicInteger extends OrmDatabase {

        @Override
        protected OrmRows make(TestDatabase database) {
            return AlembicDatabase.create(database, IdKind.INTEGER);
        }

        @Test
        @Order(1)
        @DisplayName("without convert-ids: refused, naming what was found and the setting; nothing changed")
        void refusedWithoutConvertIds() throws SQLException {
            String before = Adopted.state(database);
            assertThatThrownBy(() -> Adopted.migrate(database, ENGINE, AdoptionOptions.DEFAULT))
                    .isInstanceOfSatisfying(AdoptionConflictException.class, e -> {
                        assertThat(e.settings()).containsExactly("convert-ids");
                        assertThat(e.differences()).anySatisfy(d -> assertThat(d).startsWith("column conversations.id: expected uuid, found integer serial ids")
                                .contains("the setting convert-ids"));
                    });
            assertThat(Adopted.state(database)).isEqualTo(before);
            assertThat(planChangingNothing(AdoptionOptions.DEFAULT).refusedSettings()).containsExactly("convert-ids");
        }

        @Test
        @Order(2)
        @DisplayName("with convert-ids: every row a uuid, old ids in chatmigrate_id_map, every message with its conversation")
        void convertsIds() throws SQLException {
            MigrationPlan plan = planChangingNothing(CONVERT_IDS);
            assertThat(plan.wouldSucceed()).as("%s", plan.conflicts()).isTrue();

            adoptKeepingRows(CONVERT_IDS, List.of("index ix_messages_conversation_id"));
            assertThat(Adopted.query(database, "select count(*) from chatmigrate_id_map")).containsExactly(
                    Integer.toString(written.conversations().size() + written.messages().size()));
            assertThat(Adopted.query(database, "select count(*) from pg_class where relkind = 'S' and relnamespace = 'public'::regnamespace"))
                    .containsExactly("0");
        }
    }

    @Nested
    @DisplayName("Hibernate 6.6 (Spring Boot ddl-auto), UUID ids")
    class HibernateUuid extends OrmDatabase {

        @Override
        protected OrmRows make(TestDatabase database) {
            return HibernateDatabase.create(database, IdKind.UUID);
        }

        @Test
        @Order(1)
        @DisplayName("timestamp(6) with time zone is timestamptz; upper-case roles refused without lowercase-roles, nothing changed")
        void upperCaseRolesRefused() throws SQLException {
            MigrationPlan plan = planChangingNothing(AdoptionOptions.DEFAULT);
            assertThat(plan.adoption()).noneSatisfy(step -> assertThat(step.description()).contains("created_at from"));
            assertThat(plan.refusedSettings()).containsExactly("lowercase-roles");
            assertThat(plan.conflicts()).singleElement().asString().contains("ASSISTANT", "SYSTEM", "TOOL", "USER", "the setting lowercase-roles");
            String before = Adopted.state(database);
            assertThatThrownBy(() -> Adopted.migrate(database, ENGINE, AdoptionOptions.DEFAULT)).isInstanceOf(AdoptionConflictException.class);
            assertThat(Adopted.state(database)).isEqualTo(before);
        }

        @Test
        @Order(2)
        @DisplayName("with lowercase-roles: roles lower-cased, messages_role_check replaced by ck_messages_role, the fk-plus-hash by a cascading one")
        void lowerCasesRoles() throws SQLException {
            adoptKeepingRows(LOWERCASE_ROLES, List.of());
            assertThat(Adopted.query(database, "select distinct role from messages order by role")).containsExactly("assistant", "system", "tool", "user");
        }
    }

    @Nested
    @DisplayName("Hibernate 6.6 (Spring Boot ddl-auto), bigint identity ids")
    class HibernateIdentity extends OrmDatabase {

        @Override
        protected OrmRows make(TestDatabase database) {
            return HibernateDatabase.create(database, IdKind.INTEGER);
        }

        @Test
        @Order(1)
        @DisplayName("without the settings: both conversions refused in one conflict, nothing changed")
        void bothRefused() throws SQLException {
            assertThat(planChangingNothing(AdoptionOptions.DEFAULT).refusedSettings()).containsExactlyInAnyOrder("convert-ids", "lowercase-roles");
        }

        @Test
        @Order(2)
        @DisplayName("with convert-ids and lowercase-roles: identity ids become uuids, roles lower case, rows kept")
        void convertsBoth() throws SQLException {
            adoptKeepingRows(BOTH, List.of());
        }
    }

}
