package dev.chatmigrate.verifier;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Partitioning;
import java.util.Optional;
import java.util.Set;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares the chatbot tables of a schema with {@link ExpectedSchema} and reports every difference. A canonical
 * constraint left {@code NOT VALID} (its existing rows never checked, as an interrupted adoption leaves it) is a
 * difference too, which says how to validate it. A partitioned table is compared with its canonical partitioned form
 * ({@link ChatbotSchema#PARTITIONINGS}): another partition key is a difference, and so is a canonical index that is
 * INVALID or missing on a partition (see {@code docs/design.md}, "Partitioned messages").
 */
public final class SchemaVerifier {

    /** What {@code pg_get_constraintdef} appends to a constraint added {@code not valid} and not validated since. */
    private static final String NOT_VALID = " NOT VALID";

    private SchemaVerifier() {
    }

    /** The drift between {@code schema} and the canonical schema at {@code version}. */
    public static DriftReport verify(Connection connection, String schema, int version) throws SQLException {
        return compare(schema, version, ExpectedSchema.atVersion(version), ActualSchema.read(connection, schema));
    }

    static DriftReport compare(String schema, int version, Map<String, TableShape> expected, Map<String, TableShape> actual) {
        List<Drift> drifts = new ArrayList<>();
        for (String table : union(expected.keySet(), actual.keySet())) {
            TableShape want = expected.get(table);
            TableShape have = actual.get(table);
            if (want == null || have == null) {
                drifts.add(new Drift(table, "table", want == null ? "absent" : "present", have == null ? "absent" : "present"));
                continue;
            }
            String qualified = schema.equals("public") ? table : schema + "." + table;
            if (have.partitioned()) {
                Optional<Partitioning> canonical = ChatbotSchema.partitioning(table, have.partitionKey());
                if (canonical.isPresent()) {
                    want = ExpectedSchema.partitioned(table, version, canonical.get());
                } else {
                    drifts.add(new Drift(table, "partitioning", ChatbotSchema.canonicalLayouts(table), have.partitionKey(), "a partitioned " + table
                            + " must be partitioned in a canonical form; see docs/troubleshooting.md, \"Drift on a partitioned messages\""));
                }
            }
            compare(drifts, table, qualified, "column", want.columns(), have.columns());
            compare(drifts, table, qualified, "constraint", want.constraints(), have.constraints());
            compare(drifts, table, qualified, "index", want.indexes(), have.indexes());
        }
        return new DriftReport(schema, version, drifts);
    }

    /** Compares one kind of object of {@code table} ({@code qualified} as SQL names it in its schema). */
    private static <V> void compare(List<Drift> drifts, String table, String qualified, String kind, Map<String, V> expected, Map<String, V> actual) {
        for (String name : union(expected.keySet(), actual.keySet())) {
            V want = expected.get(name);
            V have = actual.get(name);
            if (kind.equals("constraint") && want != null && (want + NOT_VALID).equals(have)) {
                drifts.add(new Drift(table, kind + " " + name, want + ", validated", have.toString(), "its existing rows were never checked:"
                        + " run migrate again, which validates it, or alter table " + qualified + " validate constraint " + name));
            } else if (want instanceof IndexShape index && have instanceof IndexShape found && index.definition().equals(found.definition())
                    && !found.partitionsWithout().isEmpty()) {
                drifts.add(new Drift(table, kind + " " + name, want + " on every partition", found.toString(),
                        "run migrate again, which builds it concurrently on each partition that lacks it and attaches it"));
            } else if (!Objects.equals(want, have)) {
                drifts.add(new Drift(table, kind + " " + name, want == null ? "absent" : want.toString(), have == null ? "absent" : have.toString()));
            }
        }
    }

    private static TreeSet<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
