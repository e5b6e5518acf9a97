package dev.chatmigrate.core;

import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.core.adoption.SchemaAdoption;
import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** What {@link MigrationRunner#plan(int)} reads: adoption's planned steps and the versions the engine would apply. */
final class MigrationPlanner {

    private MigrationPlanner() {
    }

    static MigrationPlan plan(Connection connection, MigrationEngineProvider provider, String schema, int target, AdoptionOptions adoption)
            throws SQLException {
        SchemaAdoption.Plan steps = SchemaAdoption.planReadOnly(connection, schema, target, adoption);
        OptionalInt proven = provider.verifiedVersion(connection, schema);
        boolean historyRead = proven.isPresent() || provider.capabilities().contains(Capability.UP_TO_DATE_CHECK);
        // the engine is not opened: some engines create their history table when they start
        List<Integer> versions = IntStream.rangeClosed(proven.orElse(0) + 1, target).boxed().toList();
        return new MigrationPlan(provider.id(), schema, target, steps.steps(), steps.conflicts(), steps.refusedSettings(),
                steps.extras(), steps.conversions(), versions, historyRead);
    }
}
