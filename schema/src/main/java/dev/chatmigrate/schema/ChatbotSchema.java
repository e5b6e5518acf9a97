package dev.chatmigrate.schema;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The canonical chatbot schema, declared once: every version with the tables, columns, constraints
 * and indexes it adds (its undo removes them again). The verifier's expectations, adoption, the
 * data-loss guard, data fingerprints, help texts and tests all read this declaration; each engine's
 * scripts build exactly it, which {@code CanonicalScriptsTest} proves version by version, up and down.
 * Adding a version means adding it here and to each engine's scripts. See {@code docs/design.md}.
 * {@code messages} may also be partitioned in one of the canonical forms {@link #PARTITIONINGS} declares, whose
 * objects derive from the plain ones (see {@code docs/design.md}, "Partitioned messages").
 *
 * <p>Types are spelled as {@code format_type} prints them, defaults as {@code pg_get_expr} and
 * constraint definitions as {@code pg_get_constraintdef}, so that comparing with the catalog is plain
 * string equality.
 */
public final class ChatbotSchema {

    public static final String CONVERSATIONS = "conversations";
    public static final String MESSAGES = "messages";

    private static final String UUID = "uuid";
    private static final String TIMESTAMPTZ = "timestamp with time zone";

    /** Every version, oldest first; version {@code n} is at index {@code n - 1}. */
    public static final List<SchemaVersion> VERSIONS = List.of(
            new SchemaVersion(1, "create conversations"),
            new SchemaVersion(2, "create messages"),
            new SchemaVersion(3, "add messages.token_count"),
            new SchemaVersion(4, "index messages.created_at"),
            new SchemaVersion(5, "add messages.metadata"));

    /** The newest version; {@code 0} means no chatbot tables at all. */
    public static final int LATEST_VERSION = VERSIONS.size();

    public static final List<Table> TABLES = List.of(
            new Table(CONVERSATIONS, 1),
            new Table(MESSAGES, 2));

    public static final List<Column> COLUMNS = List.of(
            new Column(CONVERSATIONS, "id", UUID, true, "gen_random_uuid()", 1),
            new Column(CONVERSATIONS, "user_id", "character varying(255)", true, null, 1),
            new Column(CONVERSATIONS, "title", "character varying(255)", false, null, 1),
            new Column(CONVERSATIONS, "created_at", TIMESTAMPTZ, true, "now()", 1),
            new Column(CONVERSATIONS, "updated_at", TIMESTAMPTZ, true, "now()", 1),
            new Column(MESSAGES, "id", UUID, true, "gen_random_uuid()", 2),
            new Column(MESSAGES, "conversation_id", UUID, true, null, 2),
            new Column(MESSAGES, "role", "character varying(16)", true, null, 2),
            new Column(MESSAGES, "content", "text", true, null, 2),
            new Column(MESSAGES, "created_at", TIMESTAMPTZ, true, "now()", 2),
            new Column(MESSAGES, "token_count", "integer", false, null, 3),
            new Column(MESSAGES, "metadata", "jsonb", true, "'{}'::jsonb", 5));

    /** The canonical message roles, in the order of {@code ck_messages_role}. */
    public static final List<String> ROLES = List.of("system", "user", "assistant", "tool");

    public static final List<Constraint> CONSTRAINTS = List.of(
            new Constraint(CONVERSATIONS, "pk_conversations", Constraint.Kind.PRIMARY_KEY, List.of("id"),
                    "PRIMARY KEY (id)", "primary key (id)", 1),
            new Constraint(MESSAGES, "pk_messages", Constraint.Kind.PRIMARY_KEY, List.of("id"),
                    "PRIMARY KEY (id)", "primary key (id)", 2),
            new Constraint(MESSAGES, "fk_messages_conversation_id", Constraint.Kind.FOREIGN_KEY, List.of("conversation_id"),
                    "FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE CASCADE",
                    "foreign key (conversation_id) references conversations (id) on delete cascade", 2),
            new Constraint(MESSAGES, "ck_messages_role", Constraint.Kind.CHECK, List.of("role"),
                    "CHECK (((role)::text = ANY ((ARRAY[" + String.join(", ", ROLES.stream()
                            .map(role -> "'" + role + "'::character varying").toList()) + "])::text[])))",
                    "check (role in (" + String.join(", ", ROLES.stream().map(role -> "'" + role + "'").toList()) + "))", 2),
            new Constraint(MESSAGES, "ck_messages_token_count", Constraint.Kind.CHECK, List.of("token_count"),
                    "CHECK ((token_count >= 0))", "check (token_count >= 0)", 3),
            new Constraint(MESSAGES, "ck_messages_metadata_object", Constraint.Kind.CHECK, List.of("metadata"),
                    "CHECK ((jsonb_typeof(metadata) = 'object'::text))", "check (jsonb_typeof(metadata) = 'object')", 5));

    public static final List<Index> INDEXES = List.of(
            new Index(CONVERSATIONS, "ix_conversations_user_id", List.of("user_id"), Index.BuildMode.IN_TRANSACTION, 1),
            new Index(MESSAGES, "ix_messages_conversation_id_created_at", List.of("conversation_id", "created_at"),
                    Index.BuildMode.IN_TRANSACTION, 2),
            new Index(MESSAGES, "ix_messages_created_at", List.of("created_at"), Index.BuildMode.CONCURRENTLY, 4));

    /**
     * The canonical partitioned forms of {@code messages}: by range of {@code created_at} or by hash of
     * {@code conversation_id}. The objects of a partitioned table derive from the plain ones ({@link Partitioning}).
     */
    public static final List<Partitioning> PARTITIONINGS = List.of(
            new Partitioning(MESSAGES, Partitioning.Method.RANGE, "created_at"),
            new Partitioning(MESSAGES, Partitioning.Method.HASH, "conversation_id"));

    private ChatbotSchema() {
    }

    /** Version {@code number}, from 1 to {@link #LATEST_VERSION}. */
    public static SchemaVersion version(int number) {
        if (number < 1 || number > LATEST_VERSION) {
            throw new IllegalArgumentException("The chatbot schema has versions 1 to " + LATEST_VERSION + ", not " + number);
        }
        return VERSIONS.get(number - 1);
    }

    /** The description of {@code version}, between 1 and {@link #LATEST_VERSION}. */
    public static String describe(int version) {
        return version(version).description();
    }

    /** The table named {@code name}. */
    public static Table table(String name) {
        return TABLES.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No chatbot table " + name));
    }

    /** The tables that exist at {@code version}. */
    public static List<Table> tablesAt(int version) {
        return TABLES.stream().filter(t -> t.version() <= version).toList();
    }

    /** The columns of {@code table} at {@code version}, in declaration order. */
    public static List<Column> columnsAt(String table, int version) {
        return COLUMNS.stream().filter(c -> c.table().equals(table) && c.version() <= version).toList();
    }

    /** The constraints of {@code table} at {@code version}. */
    public static List<Constraint> constraintsAt(String table, int version) {
        return CONSTRAINTS.stream().filter(c -> c.table().equals(table) && c.version() <= version).toList();
    }

    /** The constraints of {@code table} at {@code version} when it is partitioned as {@code partitioning} says. */
    public static List<Constraint> constraintsAt(String table, int version, Partitioning partitioning) {
        return constraintsAt(table, version).stream().map(partitioning::applyTo).toList();
    }

    /** The canonical partitioning of {@code table} that {@code pg_get_partkeydef} prints as {@code definition}, if it is one. */
    public static Optional<Partitioning> partitioning(String table, String definition) {
        return PARTITIONINGS.stream().filter(p -> p.table().equals(table) && p.definition().equals(definition)).findFirst();
    }

    /**
     * What {@code table} may be, as reports name it: {@code not partitioned, RANGE (created_at) or HASH (conversation_id)}
     * for {@code messages}.
     */
    public static String canonicalLayouts(String table) {
        return "not partitioned, " + String.join(" or ", PARTITIONINGS.stream().filter(p -> p.table().equals(table)).map(Partitioning::definition).toList());
    }

    /** The canonical partitioning of {@code table} by the column {@code key}, if there is one. */
    public static Optional<Partitioning> partitioningBy(String table, String key) {
        return PARTITIONINGS.stream().filter(p -> p.table().equals(table) && p.key().equals(key)).findFirst();
    }

    /** The indexes of {@code table} at {@code version}. */
    public static List<Index> indexesAt(String table, int version) {
        return INDEXES.stream().filter(i -> i.table().equals(table) && i.version() <= version).toList();
    }

    /**
     * The columns that hold a table's data since the table was created: the ones a data fingerprint
     * covers, so that later versions adding columns do not change it.
     */
    public static List<Column> originalColumns(String table) {
        int created = table(table).version();
        return COLUMNS.stream().filter(c -> c.table().equals(table) && c.version() == created).toList();
    }

    /** Every object that {@code version} adds, as names for help and reports. */
    public static List<String> objectsAddedBy(int version) {
        return Stream.of(
                TABLES.stream().filter(t -> t.version() == version).map(t -> "table " + t.name()),
                COLUMNS.stream().filter(c -> c.version() == version && c.version() != table(c.table()).version())
                        .map(c -> "column " + c.table() + "." + c.name()),
                CONSTRAINTS.stream().filter(c -> c.version() == version).map(c -> "constraint " + c.name()),
                INDEXES.stream().filter(i -> i.version() == version).map(i -> "index " + i.name()))
                .flatMap(s -> s).toList();
    }
}
