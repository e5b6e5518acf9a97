package dev.chatmigrate.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.verifier.Drift;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import dev.chatmigrate.verifier.SmokeCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The verifier is the contract's oracle: it must see every kind of drift, and nothing where there is none. */
class VerifierTest {

    private TestDatabase database;
    private Connection connection;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestPostgres.server().createDatabase();
        connection = database.connect();
    }

    @AfterEach
    void tearDown() throws SQLException {
        connection.close();
        database.close();
    }

    private void migrate(int version) {
        JdbcBaselineProvider baseline = new JdbcBaselineProvider();
        new MigrationRunner(database.settings(baseline.id()), baseline).migrate(version);
    }

    private void sql(String statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    @Test
    @DisplayName("an empty database is version 0 and nothing else")
    void emptyIsVersionZero() throws SQLException {
        assertThat(SchemaVerifier.verify(connection, "public", 0).isClean()).isTrue();
        assertThat(SchemaVerifier.verify(connection, "public", 1).drifts())
                .containsExactly(new Drift("conversations", "table", "present", "absent"));
    }

    @Test
    @DisplayName("each version verifies against itself and not against its neighbour")
    void eachVersionIsDistinct() throws SQLException {
        for (int version = 1; version <= ChatbotSchema.LATEST_VERSION; version++) {
            migrate(version);
            assertThat(SchemaVerifier.verify(connection, "public", version).drifts()).as("version %d", version).isEmpty();
            assertThat(SchemaVerifier.verify(connection, "public", version - 1).isClean()).as("version %d as %d", version, version - 1).isFalse();
        }
    }

    @Test
    @DisplayName("a column of the wrong type is named with table, expected and found")
    void wrongType() throws SQLException {
        migrate(ChatbotSchema.LATEST_VERSION);
        sql("alter table messages alter column content type varchar(100)");

        assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).drifts())
                .containsExactly(new Drift("messages", "column content", "text not null", "character varying(100) not null"));
    }

    @Test
    @DisplayName("a renamed constraint, a missing default and an extra index are each reported")
    void namesDefaultsAndExtras() throws SQLException {
        migrate(ChatbotSchema.LATEST_VERSION);
        sql("""
                alter table conversations rename constraint pk_conversations to conversations_pkey;
                alter table messages alter column created_at drop default;
                create index messages_role_idx on messages (role);
                """);

        assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).drifts()).extracting(Drift::object).containsExactlyInAnyOrder(
                "constraint conversations_pkey", "constraint pk_conversations", "column created_at", "index messages_role_idx");
    }

    @Test
    @DisplayName("an INVALID index left by an interrupted concurrent build is drift")
    void invalidIndex() throws SQLException {
        migrate(ChatbotSchema.LATEST_VERSION);
        sql("update pg_index set indisvalid = false where indexrelid = 'ix_messages_created_at'::regclass");

        assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).drifts())
                .containsExactly(new Drift("messages", "index ix_messages_created_at", "btree (created_at)", "INVALID btree (created_at)"));
    }

    @Test
    @DisplayName("the next migrate rebuilds an INVALID index instead of keeping it forever")
    void invalidIndexIsRebuilt() throws SQLException {
        migrate(ChatbotSchema.LATEST_VERSION);
        sql("update pg_index set indisvalid = false where indexrelid = 'ix_messages_created_at'::regclass");

        migrate(ChatbotSchema.LATEST_VERSION);

        assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).drifts()).isEmpty();
    }

    @Test
    @DisplayName("a canonical constraint left NOT VALID is drift saying how to validate it; validated, the schema is clean")
    void notValidConstraint() throws SQLException {
        migrate(ChatbotSchema.LATEST_VERSION);
        Constraint role = ChatbotSchema.CONSTRAINTS.stream().filter(c -> c.name().equals("ck_messages_role")).findFirst().orElseThrow();
        sql("alter table messages drop constraint ck_messages_role; alter table messages add constraint ck_messages_role " + role.ddl() + " not valid");

        DriftReport report = SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION);

        assertThat(report.drifts()).containsExactly(new Drift("messages", "constraint ck_messages_role", role.definition() + ", validated",
                role.definition() + " NOT VALID", "its existing rows were never checked: run migrate again, which validates it,"
                + " or alter table messages validate constraint ck_messages_role"));
        assertThat(report.canonicalObjectsMatch()).isFalse();
        assertThat(report.drifts().get(0).toString()).isEqualTo("messages: constraint ck_messages_role: expected " + role.definition()
                + ", validated, found " + role.definition() + " NOT VALID; its existing rows were never checked: run migrate again,"
                + " which validates it, or alter table messages validate constraint ck_messages_role");

        sql("alter table messages validate constraint ck_messages_role");
        assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).isClean()).isTrue();
    }

    @Test
    @DisplayName("a NOT VALID foreign key in another schema names the schema in its advice")
    void notValidForeignKeyInAnotherSchema() throws SQLException {
        JdbcBaselineProvider baseline = new JdbcBaselineProvider();
        new MigrationRunner(database.settings(baseline.id()).withSchema("chat"), baseline).migrate(ChatbotSchema.LATEST_VERSION);
        Constraint foreignKey = ChatbotSchema.CONSTRAINTS.stream().filter(c -> c.kind() == Constraint.Kind.FOREIGN_KEY).findFirst().orElseThrow();
        sql("set search_path = chat; alter table messages drop constraint " + foreignKey.name() + ";"
                + " alter table messages add constraint " + foreignKey.name() + " " + foreignKey.ddl() + " not valid; reset search_path");

        assertThat(SchemaVerifier.verify(connection, "chat", ChatbotSchema.LATEST_VERSION).drifts()).singleElement()
                .satisfies(drift -> assertThat(drift.found()).isEqualTo(foreignKey.definition() + " NOT VALID"))
                .satisfies(drift -> assertThat(drift.advice()).endsWith("alter table chat.messages validate constraint " + foreignKey.name()));
    }

    @Test
    @DisplayName("the smoke check passes on the canonical schema, leaves no rows, and fails when the role check is missing")
    void smokeCheck() throws SQLException {
        migrate(ChatbotSchema.LATEST_VERSION);
        assertThat(SmokeCheck.run(connection, "public", ChatbotSchema.LATEST_VERSION).passed()).isTrue();
        assertThat(DataFingerprint.of(connection, "public").totalRows()).isZero();

        sql("alter table messages drop constraint ck_messages_role");
        SmokeCheck.Result result = SmokeCheck.run(connection, "public", ChatbotSchema.LATEST_VERSION);
        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("robot");
    }

    @Test
    @DisplayName("a fingerprint sees a changed row but not an added column")
    void fingerprint() throws SQLException {
        migrate(2);
        SampleRows.insert(connection, "public");
        DataFingerprint before = DataFingerprint.of(connection, "public");

        migrate(ChatbotSchema.LATEST_VERSION);
        assertThat(DataFingerprint.of(connection, "public")).isEqualTo(before);

        sql("update messages set content = 'Hi there!' where role = 'assistant'");
        assertThat(DataFingerprint.of(connection, "public")).isNotEqualTo(before);
        assertThat(DataFingerprint.of(connection, "public").totalRows()).isEqualTo(5);
    }
}
