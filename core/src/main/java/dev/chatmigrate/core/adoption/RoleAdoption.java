package dev.chatmigrate.core.adoption;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.spi.Sql;
import dev.chatmigrate.verifier.ActualColumn;
import dev.chatmigrate.verifier.ActualConstraint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values of {@code messages.role} and the check an ORM put on them. A role outside the canonical set is a
 * conflict naming the rows; a role that differs from a canonical one only in letter case ({@code USER}, as JPA's
 * {@code @Enumerated(STRING)} stores it) becomes that role only when asked for (setting {@code lowercase-roles}).
 * Another check on {@code role} is replaced by {@code ck_messages_role}.
 */
final class RoleAdoption {

    static final String ROLE_CHECK = "ck_messages_role";

    private RoleAdoption() {
    }

    static void plan(AdoptionWork work) throws SQLException {
        Optional<ActualColumn> role = work.catalog.column(ChatbotSchema.MESSAGES, "role");
        Constraint check = ChatbotSchema.CONSTRAINTS.stream().filter(c -> c.name().equals(ROLE_CHECK)).findFirst().orElseThrow();
        if (!work.adopts(ChatbotSchema.MESSAGES) || role.isEmpty() || check.version() > work.target
                || !(role.get().baseType().equals("character varying") || role.get().baseType().equals("text"))) {
            return;
        }
        String roles = String.join(", ", ChatbotSchema.ROLES.stream().map(Sql::literal).toList());
        // a validated canonical check proves every row: no scan (on 10 M messages, two of them took half a minute per migrate)
        boolean enforced = work.catalog.constraints(ChatbotSchema.MESSAGES).stream()
                .anyMatch(c -> c.name().equals(ROLE_CHECK) && c.validated() && c.definition().equals(check.definition()));
        AdoptionWork.Offenders none = new AdoptionWork.Offenders(0, List.of());
        AdoptionWork.Offenders outside = enforced ? none : work.offenders(ChatbotSchema.MESSAGES, "lower(role) not in (" + roles + ")");
        if (outside.any()) {
            work.conflict("column messages.role: expected one of " + String.join(", ", ChatbotSchema.ROLES) + ", found "
                    + String.join(", ", distinct(work, "lower(role) not in (" + roles + ")")) + " in " + outside
                    + "; changing them would lose what they say, so change or delete those rows yourself");
        }
        AdoptionWork.Offenders caseOnly = enforced ? none
                : work.offenders(ChatbotSchema.MESSAGES, "role not in (" + roles + ") and lower(role) in (" + roles + ")");
        for (ActualConstraint other : work.catalog.constraints(ChatbotSchema.MESSAGES)) {
            if (other.kind() == 'c' && other.columns().equals(List.of("role")) && !other.name().equals(ROLE_CHECK)
                    && !other.definition().equals(check.definition())) {
                work.step("dropped check constraint " + other.name() + " (" + other.definition() + "); " + ROLE_CHECK + " replaces it",
                        "alter table " + work.qualified(ChatbotSchema.MESSAGES) + " drop constraint " + Sql.identifier(other.name()),
                        "ACCESS EXCLUSIVE on messages, brief", false);
                work.catalog.forget(other);
            }
        }
        if (caseOnly.any() && work.options.lowercaseRoles()) {
            work.step("lower-cased the role of " + caseOnly + " (" + String.join(", ", distinct(work, "role <> lower(role)")) + ")",
                    "update " + work.qualified(ChatbotSchema.MESSAGES) + " set role = lower(role) where role not in (" + roles + ")"
                            + " and lower(role) in (" + roles + ")",
                    "ROW EXCLUSIVE on messages: writes those rows", false);
        } else if (caseOnly.any()) {
            work.refuse("column messages.role: expected " + String.join(", ", ChatbotSchema.ROLES) + ", found "
                    + String.join(", ", distinct(work, "role not in (" + roles + ") and lower(role) in (" + roles + ")"))
                    + " in " + caseOnly + "; they differ only in letter case, but changing stored values is refused unless asked for:"
                    + " the setting " + AdoptionOptions.LOWERCASE_ROLES + " lower-cases them", AdoptionOptions.LOWERCASE_ROLES);
        }
        work.checkedConstraints.add(ROLE_CHECK);
    }

    private static List<String> distinct(AdoptionWork work, String condition) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = work.connection.createStatement();
             ResultSet rows = statement.executeQuery("select distinct role from " + work.qualified(ChatbotSchema.MESSAGES)
                     + " where " + condition + " order by role limit 5")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
