package dev.chatmigrate.core.adoption;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.Sql;
import dev.chatmigrate.verifier.ActualColumn;
import dev.chatmigrate.verifier.ActualConstraint;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Integer ids (serial or identity, {@code integer} or {@code bigint}) to uuids, only when asked for (setting
 * {@code convert-ids}), in adoption's one transaction: every row gets a new uuid, recorded with its old id in
 * {@code chatmigrate_id_map (table_name, old_id, new_id)}, and every message keeps its conversation. Without the
 * setting each integer id column is a conflict that says so.
 */
final class IdConversion {

    static final String ID_MAP = "chatmigrate_id_map";
    private static final Set<String> INTEGER_TYPES = Set.of("integer", "bigint", "smallint");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final AdoptionWork work;
    /**
     * A new uuid is the md5 of this secret, the table and the old id: computed in the rewrite itself rather than
     * looked up row by row (four times faster on 1 M rows), and unguessable from the old id without the secret,
     * which is drawn anew for every plan and stored nowhere.
     */
    private final String secret;

    private IdConversion(AdoptionWork work) {
        this.work = work;
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        this.secret = java.util.HexFormat.of().formatHex(bytes);
    }

    private String newId(String table, String column) {
        return "md5(" + Sql.literal(secret + ":" + table + ":") + " || " + column + ")::uuid";
    }

    static boolean isIntegerId(ActualColumn column) {
        return INTEGER_TYPES.contains(column.baseType());
    }

    static void plan(AdoptionWork work) throws SQLException {
        new IdConversion(work).plan();
    }

    private void plan() throws SQLException {
        boolean conversations = integer(ChatbotSchema.CONVERSATIONS, "id");
        boolean messages = integer(ChatbotSchema.MESSAGES, "id");
        boolean references = integer(ChatbotSchema.MESSAGES, "conversation_id");
        if (!conversations && !messages && !references) {
            return;
        }
        if (work.catalog.hasTable(ChatbotSchema.MESSAGES) && conversations != references) {
            work.conflict("column messages.conversation_id: expected the same type as conversations.id, found "
                    + type(ChatbotSchema.MESSAGES, "conversation_id") + " against " + type(ChatbotSchema.CONVERSATIONS, "id")
                    + "; make them the same type yourself");
            return;
        }
        if (!work.options.convertIds()) {
            for (String column : List.of("conversations.id", "messages.id", "messages.conversation_id")) {
                String[] parts = column.split("\\.");
                if (integer(parts[0], parts[1])) {
                    work.refuse("column " + column + ": expected uuid, found " + type(parts[0], parts[1]) + " ids; converting them changes every id"
                            + " the application and its clients hold, so it is refused unless asked for: the setting "
                            + AdoptionOptions.CONVERT_IDS + " gives every row a uuid and keeps the old ids in " + ID_MAP, AdoptionOptions.CONVERT_IDS);
                }
            }
            return;
        }
        List<String> tables = new ArrayList<>();
        if (conversations) {
            tables.add(ChatbotSchema.CONVERSATIONS);
        }
        if (messages) {
            tables.add(ChatbotSchema.MESSAGES);
        }
        String map = work.qualified(ID_MAP);
        work.step("created " + ID_MAP + " (table_name, old_id, new_id), which keeps every old id with its new uuid",
                "create table if not exists " + map + " (table_name text not null, old_id bigint not null,"
                        + " new_id uuid not null, primary key (table_name, old_id))",
                "none on the chatbot tables", false);
        for (String table : tables) {
            work.step("gave every row of " + table + " a new uuid id, recorded in " + ID_MAP,
                    "insert into " + map + " (table_name, old_id, new_id) select " + Sql.literal(table) + ", id, " + newId(table, "id")
                            + " from " + work.qualified(table),
                    "ROW EXCLUSIVE on " + ID_MAP + ", reads " + table, false);
        }
        if (references) {
            for (ActualConstraint foreignKey : foreignKeysOnConversationId()) {
                work.step("dropped foreign key " + foreignKey.name() + " (" + foreignKey.definition() + ") while ids change; the canonical one replaces it",
                        "alter table " + work.qualified(ChatbotSchema.MESSAGES) + " drop constraint " + Sql.identifier(foreignKey.name()),
                        "ACCESS EXCLUSIVE on messages and conversations, brief", false);
                work.catalog.forget(foreignKey);
            }
        }
        for (String table : tables) {
            convert(table, references && table.equals(ChatbotSchema.MESSAGES));
        }
        if (references && !messages) {
            convertReferencesOnly();
        }
    }

    private void convert(String table, boolean withReferences) {
        ActualColumn id = work.catalog.column(table, "id").orElseThrow();
        String alter = "alter table " + work.qualified(table) + " alter column id ";
        StringBuilder sql = new StringBuilder();
        if (id.identity()) {
            sql.append(alter).append("drop identity; ");
        } else if (id.defaultValue() != null) {
            sql.append(alter).append("drop default; ");
        }
        if (!id.identity() && id.ownedSequence() != null) {
            sql.append("drop sequence if exists ").append(id.ownedSequence()).append("; ");
        }
        sql.append(alter).append("type uuid using ").append(newId(table, "id"));
        if (withReferences) {
            sql.append(", alter column conversation_id type uuid using ").append(newId(ChatbotSchema.CONVERSATIONS, "conversation_id"));
        }
        work.rewritingAlter.put(table, work.steps.size());
        work.step("converted " + table + ".id" + (withReferences ? " and messages.conversation_id" : "") + " from " + id.type()
                        + " to uuid through " + ID_MAP + (id.ownedSequence() != null ? ", dropping sequence " + id.ownedSequence() : ""),
                sql.toString(), "ACCESS EXCLUSIVE on " + table + ", while every row is rewritten and the table's indexes rebuilt", true);
        work.catalog.assume(table, "id", id.withType("uuid", "uuid"));
        if (withReferences) {
            assumeUuid(ChatbotSchema.MESSAGES, "conversation_id");
        }
    }

    private void convertReferencesOnly() {
        work.rewritingAlter.put(ChatbotSchema.MESSAGES, work.steps.size());
        work.step("converted messages.conversation_id to uuid through " + ID_MAP,
                "alter table " + work.qualified(ChatbotSchema.MESSAGES) + " alter column conversation_id type uuid using "
                        + newId(ChatbotSchema.CONVERSATIONS, "conversation_id"),
                "ACCESS EXCLUSIVE on messages, while every row is rewritten and the table's indexes rebuilt", true);
        assumeUuid(ChatbotSchema.MESSAGES, "conversation_id");
    }

    private void assumeUuid(String table, String column) {
        ActualColumn actual = work.catalog.column(table, column).orElseThrow();
        work.catalog.assume(table, column, new ActualColumn("uuid", "uuid", -1, actual.notNull(), null, null, false));
    }

    private List<ActualConstraint> foreignKeysOnConversationId() {
        return work.catalog.constraints(ChatbotSchema.MESSAGES).stream()
                .filter(c -> c.kind() == 'f' && c.columns().equals(List.of("conversation_id"))).toList();
    }

    private boolean integer(String table, String column) {
        Optional<ActualColumn> actual = work.catalog.column(table, column);
        return work.adopts(table) && actual.isPresent() && isIntegerId(actual.get());
    }

    private String type(String table, String column) {
        return work.catalog.column(table, column).map(c -> c.type() + (c.identity() ? " identity" : c.ownedSequence() != null ? " serial" : ""))
                .orElse("no column");
    }
}
