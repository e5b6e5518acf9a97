package dev.chatmigrate.core.adoption;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.core.adoption.AdoptionStep;
import dev.chatmigrate.core.MigrationPlan;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures adoption of an ORM-made {@code messages} table of 1 M rows (SQLModel's shape as Alembic makes it, uuid
 * or serial ids): the plan's steps run the way adoption runs them, in one transaction, each timed, and each lock held
 * from its step until the commit; then the steps that run after the commit (validations), each on its own. Not a test of behaviour and not run in CI: run it by hand with
 * {@code -Dchatmigrate.timings=true -Dtest=AdoptionTimings}; the table it prints goes to {@code docs/performance.md}.
 */
@EnabledIfSystemProperty(named = "chatmigrate.timings", matches = "true")
class AdoptionTimings {

    private static final int MESSAGES = 1_000_000;
    private static final int CONVERSATIONS = 10_000;

    @Test
    void uuidIds() throws SQLException {
        measure("uuid", AdoptionOptions.DEFAULT);
    }

    @Test
    void serialIdsConverted() throws SQLException {
        measure("serial", AdoptionOptions.DEFAULT.withConvertIds(true));
    }

    private static void measure(String ids, AdoptionOptions options) throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase(); Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            String id = ids.equals("uuid") ? "uuid" : "serial";
            String reference = ids.equals("uuid") ? "uuid" : "integer";
            String newId = ids.equals("uuid") ? "gen_random_uuid()," : "";
            String idColumn = ids.equals("uuid") ? "id, " : "";
            statement.execute("create table conversations (id " + id + " primary key, user_id varchar not null, title varchar,"
                    + " created_at timestamp not null, updated_at timestamp not null);"
                    + " create index ix_conversations_user_id on conversations (user_id);"
                    + " create table messages (id " + id + " primary key, conversation_id " + reference + " not null references conversations (id),"
                    + " role varchar not null, content varchar not null, created_at timestamp not null);"
                    + " create index ix_messages_conversation_id on messages (conversation_id);"
                    + " insert into conversations (" + idColumn + "user_id, title, created_at, updated_at) select " + newId
                    + " 'user-' || (g % 500), 'chat ' || g, now()::timestamp - g * interval '1 minute', now()::timestamp from generate_series(1, " + CONVERSATIONS + ") g;"
                    + " create temporary table ids as select id, row_number() over (order by id) n from conversations;"
                    + " insert into messages (" + idColumn + "conversation_id, role, content, created_at) select " + newId
                    + " c.id, (array['user', 'assistant', 'system', 'tool'])[1 + g % 4], repeat('message text ', 1 + g % 20),"
                    + " now()::timestamp - g * interval '1 second' from generate_series(1, " + MESSAGES + ") g join ids c on c.n = 1 + g % " + CONVERSATIONS + ";"
                    + " drop table ids");
            statement.execute("vacuum analyze conversations");
            statement.execute("vacuum analyze messages");
            long planStarted = System.nanoTime();
            MigrationPlan plan = Adopted.plan(database, "jdbc", options);
            long planMs = (System.nanoTime() - planStarted) / 1_000_000;
            System.out.printf("%n%s ids, %d messages: plan (reads catalog and checks data, read only) %d ms, %d steps%n", ids, MESSAGES, planMs,
                    plan.adoption().size());
            if (!plan.wouldSucceed()) {
                throw new AssertionError(plan.conflicts());
            }
            connection.setAutoCommit(false);
            List<AdoptionStep> steps = plan.adoption();
            long[][] times = new long[steps.size()][];
            long transactionStarted = System.nanoTime();
            for (int i = 0; i < steps.size(); i++) {
                if (!steps.get(i).concurrent()) {
                    times[i] = timed(statement, steps.get(i));
                }
            }
            connection.commit();
            long committed = System.nanoTime();
            connection.setAutoCommit(true);
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).concurrent()) {
                    times[i] = timed(statement, steps.get(i));
                }
            }
            System.out.println("| step | took | lock held until commit | lock | rewrites |");
            System.out.println("| --- | ---: | ---: | --- | --- |");
            for (int i = 0; i < steps.size(); i++) {
                AdoptionStep step = steps.get(i);
                System.out.printf("| %s | %d ms | %s | %s | %s |%n", step.description(), (times[i][1] - times[i][0]) / 1_000_000,
                        step.concurrent() ? "after the commit, its own" : (committed - times[i][0]) / 1_000_000 + " ms", step.lock(),
                        step.rewrites() ? "yes" : "no");
            }
            System.out.printf("transaction: %d ms%n", (committed - transactionStarted) / 1_000_000);
        }
    }

    /** Runs a step's statements; its start and end. */
    private static long[] timed(Statement statement, AdoptionStep step) throws SQLException {
        long started = System.nanoTime();
        for (String sql : step.concurrent() ? step.sql().split(";") : new String[] {step.sql()}) {
            statement.execute(sql);
        }
        return new long[] {started, System.nanoTime()};
    }
}
