package dev.chatmigrate.testing;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fills the {@link FreshDatabase} fields of every test instance (enclosing ones included) and drops the databases after the test. */
final class FreshDatabaseExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshDatabaseExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        List<TestDatabase> created = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.isAnnotationPresent(FreshDatabase.class) && field.getType() == TestDatabase.class) {
                        TestDatabase database = TestPostgres.server().createDatabase();
                        created.add(database);
                        field.setAccessible(true);
                        field.set(instance, database);
                    }
                }
            }
        }
        context.getStore(NAMESPACE).put(context.getUniqueId(), created);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        List<TestDatabase> created = context.getStore(NAMESPACE).remove(context.getUniqueId(), List.class);
        if (created != null) {
            created.forEach(TestDatabase::close);
        }
    }
}
