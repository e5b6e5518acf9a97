package dev.chatmigrate.core.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.adoption.AdoptionConflictException;
import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.core.adoption.AdoptionStep;
import dev.chatmigrate.core.MigrationPlan;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Constraint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Adoption adds a check or foreign key {@code not valid} in its transaction (catalog only, a brief lock) and validates
 * it after the commit, while the chatbot writes; a canonical constraint left {@code not valid} is validated the same
 * way once its rows are checked, or refused naming the rows that violate it.
 */
@DisplayName("Adoption adds checks and foreign keys NOT VALID and validates them after its transaction")
class NotValidConstraintAdoptionTest {

    private static final String ENGINE = "jdbc";
    private static final String NOT_VALIDATED = "select coalesce(string_agg(conname, ',' order by conname), '') from pg_constraint"
            + " where conrelid in ('conversations'::regclass, 'messages'::regclass) and not convalidated";

    @FreshDatabase
    TestDatabase database;

    private void sql(String statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    private static Constraint canonical(String name) {
        return ChatbotSchema.CONSTRAINTS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** Migrates a fresh database with sample rows, then replaces {@code name} by itself added {@code not valid}. */
    private void migratedWithNotValid(String name, String rowsBefore) throws SQLException {
        Adopted.migrate(database, ENGINE, AdoptionOptions.DEFAULT);
        try (Connection connection = database.connect()) {
            SampleRows.insert(connection, "public");
        }
        sql("alter table messages drop constraint " + name + ";" + rowsBefore
                + "alter table messages add constraint " + name + " " + canonical(name).ddl() + " not valid");
    }

    @Test
    @DisplayName("an Alembic-made database: the role check and the cascading foreign key are added NOT VALID in the transaction,"
            + " validated after it; every constraint ends validated")
    void addedNotValidThenValidated() throws SQLException {
        try (Connection connection = database.connect()) {
            DatabaseState.UNTRACKED.prepare(connection, "public");
        }

        MigrationPlan plan = Adopted.plan(database, ENGINE, AdoptionOptions.DEFAULT);

        assertThat(plan.wouldSucceed()).as("%s", plan.conflicts()).isTrue();
        AdoptionStep roleAdded = step(plan, "added constraint ck_messages_role on messages");
        assertThat(roleAdded.concurrent()).isFalse();
        assertThat(roleAdded.sql()).endsWith(" not valid");
        assertThat(roleAdded.lock()).isEqualTo("ACCESS EXCLUSIVE on messages, brief (catalog only: added not valid, its rows are read after the transaction)");
        AdoptionStep foreignKeyReplaced = step(plan, "replaced foreign key messages_conversation_id_fkey"
                + " (FOREIGN KEY (conversation_id) REFERENCES conversations(id)) by fk_messages_conversation_id");
        assertThat(foreignKeyReplaced.concurrent()).isFalse();
        assertThat(foreignKeyReplaced.sql()).contains("drop constraint \"messages_conversation_id_fkey\"").endsWith(" on delete cascade not valid");
        assertThat(foreignKeyReplaced.lock()).contains("brief (catalog only");

        AdoptionStep roleValidated = step(plan, "validated constraint ck_messages_role on messages (every row read while writes go on)");
        assertThat(roleValidated.concurrent()).isTrue();
        assertThat(roleValidated.sql()).isEqualTo("alter table \"public\".messages validate constraint ck_messages_role");
        assertThat(roleValidated.lock()).isEqualTo("SHARE UPDATE EXCLUSIVE on messages while every row is read, after the transaction (writes go on)");
        AdoptionStep foreignKeyValidated = step(plan, "validated constraint fk_messages_conversation_id on messages (every row read while writes go on)");
        assertThat(foreignKeyValidated.concurrent()).isTrue();
        assertThat(foreignKeyValidated.lock()).startsWith("SHARE UPDATE EXCLUSIVE on messages").contains("ROW SHARE on conversations")
                .endsWith("after the transaction (writes go on)");
        assertThat(plan.adoption().indexOf(roleValidated)).isGreaterThan(plan.adoption().indexOf(roleAdded));
        assertThat(plan.adoption().indexOf(foreignKeyValidated)).isGreaterThan(plan.adoption().indexOf(foreignKeyReplaced));
        assertThat(plan.adoption()).filteredOn(AdoptionStep::concurrent).extracting(AdoptionStep::description)
                .allSatisfy(description -> assertThat(description).startsWith("validated constraint "));
        assertThat(plan.adoption()).as("listed in the order they run: the transaction's steps, then those after it")
                .isSortedAccordingTo(Comparator.comparing(AdoptionStep::concurrent));

        var report = Adopted.migrate(database, ENGINE, AdoptionOptions.DEFAULT);

        assertThat(report.adoption()).containsSubsequence(plan.adoption().stream().map(AdoptionStep::description).toList());
        assertThat(report.adoption()).contains("added constraint ck_messages_role on messages",
                "validated constraint ck_messages_role on messages (every row read while writes go on)",
                "validated constraint fk_messages_conversation_id on messages (every row read while writes go on)");
        assertThat(Adopted.query(database, NOT_VALIDATED)).containsExactly("");
        assertThat(Adopted.drift(database).differences()).isEmpty();
        assertThat(Adopted.plan(database, ENGINE, AdoptionOptions.DEFAULT).adoption()).isEmpty();
    }

    private static AdoptionStep step(MigrationPlan plan, String description) {
        List<AdoptionStep> found = plan.adoption().stream().filter(step -> step.description().equals(description)).toList();
        assertThat(found).as("the step \"%s\" in %s", description, plan.adoption().stream().map(AdoptionStep::description).toList()).hasSize(1);
        return found.get(0);
    }

    @Test
    @DisplayName("a NOT VALID check and foreign key whose rows violate them: one conflict each naming the rows; nothing changed")
    void notValidWithViolatingRowsIsAConflict() throws SQLException {
        migratedWithNotValid("ck_messages_token_count", "insert into messages (id, conversation_id, role, content, token_count) values"
                + " ('bbbbbbbb-0000-0000-0000-000000000001', '11111111-1111-1111-1111-111111111111', 'user', 'x', -1);");
        sql("alter table messages drop constraint fk_messages_conversation_id;"
                + " insert into messages (id, conversation_id, role, content) values"
                + " ('bbbbbbbb-0000-0000-0000-000000000002', '99999999-9999-9999-9999-999999999999', 'user', 'orphan');"
                + " alter table messages add constraint fk_messages_conversation_id " + canonical("fk_messages_conversation_id").ddl() + " not valid");
        String before = Adopted.state(database);

        assertThatThrownBy(() -> Adopted.migrate(database, ENGINE, AdoptionOptions.DEFAULT))
                .isInstanceOfSatisfying(AdoptionConflictException.class, e -> assertThat(e.differences()).containsExactlyInAnyOrder(
                        "constraint fk_messages_conversation_id on messages: expected " + canonical("fk_messages_conversation_id").definition()
                                + ", found it violated by 1 row (id bbbbbbbb-0000-0000-0000-000000000002) (messages without their conversation);"
                                + " fix or delete those rows yourself",
                        "constraint ck_messages_token_count on messages: expected CHECK ((token_count >= 0)), found it violated by 1 row"
                                + " (id bbbbbbbb-0000-0000-0000-000000000001); fix or delete those rows yourself"));
        assertThat(Adopted.state(database)).as("nothing changed").isEqualTo(before);
        assertThat(Adopted.query(database, NOT_VALIDATED)).containsExactly("ck_messages_token_count,fk_messages_conversation_id");
    }

    @Test
    @DisplayName("a NOT VALID check whose rows satisfy it is validated by migrate, while a writer's transaction stays open on messages")
    void notValidWithGoodRowsIsValidated() throws SQLException {
        migratedWithNotValid("ck_messages_role", "");
        MigrationPlan plan = Adopted.plan(database, ENGINE, AdoptionOptions.DEFAULT);
        assertThat(plan.adoption()).extracting(AdoptionStep::description)
                .containsExactly("validated constraint ck_messages_role on messages (every row read while writes go on)");

        MigrationRunner runner = new MigrationRunner(database.settings(ENGINE).withTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(5)),
                new JdbcBaselineProvider());
        try (Connection writer = database.connect(); Statement statement = writer.createStatement()) {
            writer.setAutoCommit(false);
            statement.execute("insert into messages (id, conversation_id, role, content) values"
                    + " ('bbbbbbbb-0000-0000-0000-000000000003', '22222222-2222-2222-2222-222222222222', 'user', 'still writing')");
            // the writer holds ROW EXCLUSIVE on messages until it commits: an ACCESS EXCLUSIVE validation would time out
            var report = runner.migrate(ChatbotSchema.LATEST_VERSION);
            assertThat(report.adoption()).containsExactly("validated constraint ck_messages_role on messages (every row read while writes go on)");
            writer.commit();
        }

        assertThat(Adopted.query(database, NOT_VALIDATED)).containsExactly("");
        assertThat(Adopted.drift(database).differences()).isEmpty();
        assertThat(Adopted.query(database, "select count(*) from messages")).containsExactly("4");
    }

    @Test
    @DisplayName("a NOT VALID check under another name is renamed in the transaction and validated after it")
    void equivalentNotValidIsRenamedAndValidated() throws SQLException {
        migratedWithNotValid("ck_messages_token_count", "");
        sql("alter table messages rename constraint ck_messages_token_count to messages_token_count_check");

        var report = Adopted.migrate(database, ENGINE, AdoptionOptions.DEFAULT);

        assertThat(report.adoption()).containsSubsequence("renamed constraint messages_token_count_check on messages to ck_messages_token_count",
                "validated constraint ck_messages_token_count on messages (every row read while writes go on)");
        assertThat(Adopted.query(database, NOT_VALIDATED)).containsExactly("");
        assertThat(Adopted.drift(database).differences()).isEmpty();
    }
}
