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
 * that lists the known ones. A {@linkplain MigrationEngineProvider#isBaseline() baseline} (the {@code jdbc}
 * raw-DDL engine) is discovered too, but only {@link #measured(String)} selects it: users never do.
 */
public final class MigrationEngines {

    private MigrationEngines() {
    }

    /** Every provider on the class path, baselines included, sorted by id. */
    public static List<MigrationEngineProvider> all() {
        return List.copyOf(byIdMap(ServiceLoader.load(MigrationEngineProvider.class, classLoader())).values());
    }

    /** The ids of every provider on the class path that users may select, sorted. */
    public static List<String> ids() {
        return all().stream().filter(provider -> !provider.isBaseline()).map(MigrationEngineProvider::id).toList();
    }

    /** The ids of the engines that comparisons and benchmarks measure: the baselines first, then {@link #ids()}. */
    public static List<String> measuredIds() {
        List<String> ids = new ArrayList<>(all().stream().filter(MigrationEngineProvider::isBaseline).map(MigrationEngineProvider::id).toList());
        ids.addAll(ids());
        return List.copyOf(ids);
    }

    /** The provider users select by {@code id}, found with {@link ServiceLoader}. */
    public static MigrationEngineProvider byId(String id) {
        return byId(id, ServiceLoader.load(MigrationEngineProvider.class, classLoader()));
    }

    /** The provider users select by {@code id} among {@code providers}: a baseline is not one of them. */
    public static MigrationEngineProvider byId(String id, Iterable<MigrationEngineProvider> providers) {
        Map<String, MigrationEngineProvider> known = byIdMap(providers);
        known.values().removeIf(MigrationEngineProvider::isBaseline);
        return find(id, known);
    }

    /** The provider with {@code id} among every one on the class path, baselines included: what comparisons measure. */
    public static MigrationEngineProvider measured(String id) {
        return find(id, byIdMap(ServiceLoader.load(MigrationEngineProvider.class, classLoader())));
    }

    private static MigrationEngineProvider find(String id, Map<String, MigrationEngineProvider> known) {
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
