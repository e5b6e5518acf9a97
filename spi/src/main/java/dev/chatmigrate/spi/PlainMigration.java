package dev.chatmigrate.spi;

/**
 * An engine's library run on its own, as its documentation starts it, without chatmigrate's runner (no lock,
 * no pooler proof, no adoption, no history check): the anchor {@code chatmigrate compare} measures each engine
 * against, on the same machine in the same run (docs/performance.md). Each adapter provides one, found through
 * {@link java.util.ServiceLoader} by {@link #engineId()}.
 */
public interface PlainMigration {

    /** The id of the chatmigrate engine this is the plain counterpart of, such as {@code flyway}. */
    String engineId();

    /**
     * Migrates {@code schema} to the latest version with the engine alone, on connections it opens itself from
     * {@code jdbcUrl} ({@code user} and {@code password} may be {@code null}); the scripts are the adapter's own.
     * What the engine would print goes to {@code System.out}.
     */
    void migrate(String jdbcUrl, String user, String password, String schema) throws Exception;

    /** {@code jdbcUrl} with the schema as pgJDBC's {@code currentSchema}, so that the engine's unqualified names land in it. */
    static String inSchema(String jdbcUrl, String schema) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
