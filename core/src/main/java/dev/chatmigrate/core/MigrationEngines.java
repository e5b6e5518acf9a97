package dev.chatmigrate.core;

import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.UnknownEngineException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds {@link MigrationEngineProvider}s on the class path through {@link ServiceLoader} and selects
 * one by id. Ids are unique: two providers with one id are an error, and an unknown id is an error
 * that lists the known ones.
 */
public final class MigrationEngines {

    private MigrationEngines() {
    }

    /** Every provider on the class path, sorted by id. */
    public static List<MigrationEngineProvider> all() {
        return List.copyOf(byIdMap(ServiceLoader.load(MigrationEngineProvider.class, classLoader())).values());
    }

    /** The ids of every provider on the class path, sorted. */
    public static List<String> ids() {
        return all().stream().map(MigrationEngineProvider::id).toList();
    }

    /** The provider with {@code id}, found with {@link ServiceLoader}. */
    public static MigrationEngineProvider byId(String id) {
        return byId(id, ServiceLoader.load(MigrationEngineProvider.class, classLoader()));
    }

    /** The provider with {@code id} among {@code providers}. */
    public static MigrationEngineProvider byId(String id, Iterable<MigrationEngineProvider> providers) {
        Map<String, MigrationEngineProvider> known = byIdMap(providers);
        MigrationEngineProvider provider = known.get(id);
        if (provider == null) {
            throw UnknownEngineException.notFound(id, known.isEmpty() ? List.of("(none: no adapter is on the class path)") : known.keySet());
        }
        return provider;
    }

    private static Map<String, MigrationEngineProvider> byIdMap(Iterable<MigrationEngineProvider> providers) {
        Map<String, MigrationEngineProvider> known = new TreeMap<>();
        List<MigrationEngineProvider> sorted = new ArrayList<>();
        providers.forEach(sorted::add);
        sorted.sort(Comparator.comparing(p -> p.getClass().getName()));
        for (MigrationEngineProvider provider : sorted) {
            MigrationEngineProvider previous = known.putIfAbsent(provider.id(), provider);
            if (previous != null) {
                throw new UnknownEngineException("Two migration engine providers claim the id '" + provider.id() + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName()
                        + ". Ids must be unique; remove one of the two jars from the class path.");
            }
        }
        return known;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : MigrationEngines.class.getClassLoader();
    }
}
