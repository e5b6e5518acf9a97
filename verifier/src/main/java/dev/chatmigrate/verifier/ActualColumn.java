package dev.chatmigrate.verifier;

/**
 * A column as {@code pg_catalog} describes it.
 *
 * @param type           as {@code format_type} prints it, the modifier normalised (see {@link Catalog})
 * @param baseType       the type without modifier, such as {@code character varying}
 * @param length         a {@code character varying}'s length, {@code -1} for none
 * @param defaultValue   as {@code pg_get_expr} prints it, {@code null} for none
 * @param ownedSequence  the sequence a serial or identity column draws from, qualified, or {@code null}
 * @param identity       whether it is an identity column
 */
public record ActualColumn(String type, String baseType, int length, boolean notNull, String defaultValue, String ownedSequence,
                           boolean identity) {

    /** This column as it is once its type became {@code newType}: no default, no sequence, not an identity. */
    public ActualColumn withType(String newType, String newBaseType) {
        return new ActualColumn(newType, newBaseType, -1, notNull, null, null, false);
    }
}
