package dev.chatmigrate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.cli.ChatmigrateCommand;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.testing.orm.AlembicDatabase;
import dev.chatmigrate.testing.orm.HibernateDatabase;
import dev.chatmigrate.testing.orm.IdKind;
import dev.chatmigrate.testing.orm.OrmRows;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine takes over the databases real ORMs make, through the command: {@code plan} exits 4 without the
 * conversion flags it names and 0 with them, {@code migrate} adopts, the rows (ids translated through
 * {@code chatmigrate_id_map}) are the rows the ORM wrote, and {@code verify} exits 0. One database per engine and ORM.
 */
@DisplayName("Every engine adopts what Alembic and Hibernate make, through the command")
class OrmAdoptionEveryEngineTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private String out;
    private String err;

    static Stream<Arguments> enginesAndDatabases() {
        List<Arguments> cases = new ArrayList<>();
        for (String engine : List.of("flyway", "liquibase", "mybatis")) {
            cases.add(Arguments.of(engine, "Alembic, uuid ids", orm(AlembicDatabase::create, IdKind.UUID), List.of()));
            cases.add(Arguments.of(engine, "Alembic, serial ids", orm(AlembicDatabase::create, IdKind.INTEGER), List.of("--convert-ids")));
            cases.add(Arguments.of(engine, "Hibernate, UUID ids", orm(HibernateDatabase::create, IdKind.UUID), List.of("--lowercase-roles")));
            cases.add(Arguments.of(engine, "Hibernate, identity ids", orm(HibernateDatabase::create, IdKind.INTEGER),
                    List.of("--convert-ids", "--lowercase-roles")));
        }
        return cases.stream();
    }

    private static java.util.function.Function<TestDatabase, OrmRows> orm(BiFunction<TestDatabase, IdKind, OrmRows> maker, IdKind ids) {
        return database -> maker.apply(database, ids);
    }

    @ParameterizedTest(name = "{0}: {1}, flags {3}")
    @MethodSource("enginesAndDatabases")
    void adopts(String engine, String made, java.util.function.Function<TestDatabase, OrmRows> orm, List<String> flags) throws Exception {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            OrmRows written = orm.apply(database);
            Map<String, String> environment = Map.of("DATABASE_URL", database.database().jdbcUrl() + "?user=" + database.database().user(),
                    "CHATMIGRATE_ENGINE", engine, "CHATMIGRATE_CONNECT_TIMEOUT", "10s");

            if (!flags.isEmpty()) {
                assertThat(chatmigrate(environment, "plan", "--json")).as(err).isEqualTo(4);
                assertThat(err).contains(flags.toArray(String[]::new));
            }
            assertThat(chatmigrate(environment, with(flags, "plan"))).as(err).isZero();
            assertThat(out).contains("adoption, in one transaction", "     lock: ACCESS EXCLUSIVE on messages", "REWRITES the table",
                    "migrate would succeed");
            assertThat(out.substring(out.indexOf("adoption, then outside any transaction"))).as("the validations come after the transaction")
                    .contains("validated constraint fk_messages_conversation_id on messages (every row read while writes go on)",
                            "     sql:  alter table \"public\".messages validate constraint fk_messages_conversation_id",
                            "     lock: SHARE UPDATE EXCLUSIVE on messages and ROW SHARE on conversations while every row is read");
            assertThat(chatmigrate(environment, with(flags, "plan", "--json"))).as(err).isZero();
            JsonNode plan = mapper.readTree(out);
            assertThat(plan.get("wouldSucceed").asBoolean()).isTrue();
            assertThat(plan.get("adoption")).isNotEmpty();

            assertThat(chatmigrate(environment, with(flags, "migrate"))).as(err).isZero();
            assertThat(rows(database, written, !flags.isEmpty() && flags.contains("--lowercase-roles"))).isEqualTo(readRows(database));
            assertThat(chatmigrate(environment, "verify")).as(out + err).isZero();
            if (made.startsWith("Alembic")) {
                assertThat(out).contains("messages: index ix_messages_conversation_id: extra, not part of the canonical schema");
                assertThat(chatmigrate(environment, "verify", "--strict")).isEqualTo(4);
                assertThat(err).contains("never drops what it does not own");
            }
            assertThat(chatmigrate(environment, "plan", "--json")).as(err).isZero();
            assertThat(mapper.readTree(out).get("adoption")).isEmpty();
            assertThat(mapper.readTree(out).get("versionsToApply")).isEmpty();
        }
    }

    private static String[] with(List<String> flags, String... args) {
        return Stream.concat(Stream.of(args), flags.stream()).toArray(String[]::new);
    }

    private int chatmigrate(Map<String, String> environment, String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exitCode = ChatmigrateCommand.run(new HashMap<>(environment), new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
        out = stdout.toString();
        err = stderr.toString();
        return exitCode;
    }

    private static OrmRows readRows(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return OrmRows.read(connection, "public");
        }
    }

    /** The rows written, ids translated through chatmigrate_id_map when there is one. */
    private static OrmRows rows(TestDatabase database, OrmRows written, boolean lowercaseRoles) throws SQLException {
        Map<String, String> ids = new HashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select table_name, old_id::text, new_id::text from chatmigrate_id_map"
                     + " where to_regclass('chatmigrate_id_map') is not null")) {
            while (rows.next()) {
                ids.put(rows.getString(1) + ":" + rows.getString(2), rows.getString(3));
            }
        } catch (SQLException noMap) {
            // no conversion ran
        }
        return new OrmRows(written.conversations().stream().map(c -> new OrmRows.Conversation(ids.getOrDefault("conversations:" + c.id(), c.id()),
                        c.userId(), c.title(), c.createdAt(), c.updatedAt())).toList(),
                written.messages().stream().map(m -> new OrmRows.Message(ids.getOrDefault("messages:" + m.id(), m.id()),
                        ids.getOrDefault("conversations:" + m.conversationId(), m.conversationId()),
                        lowercaseRoles ? m.role().toLowerCase(Locale.ROOT) : m.role(), m.content(), m.createdAt())).toList());
    }
}
