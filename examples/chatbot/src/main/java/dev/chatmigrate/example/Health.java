package dev.chatmigrate.example;

/**
 * The answer of {@code GET /health} when the database answers.
 *
 * @param schemaVersion the version the service started on
 */
record Health(String status, int schemaVersion) {

    static Health ok(int schemaVersion) {
        return new Health("ok", schemaVersion);
    }
}
