package dev.chatmigrate.adapter.mybatis;

import dev.chatmigrate.spi.OutsideTransaction;
import dev.chatmigrate.spi.PlainMigration;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.sql.DriverManager;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.operations.UpOperation;

/**
 * MyBatis Migrations without chatmigrate's runner: one {@code up} per script of the adapter, with the options the
 * script needs (a concurrent index outside a transaction) and version 4's placeholder for a plain {@code messages},
 * on one connection. That connection is the adapter's
 * {@link MyBatisSession}, not MyBatis's own provider: on PostgreSQL MyBatis cannot run these scripts without it
 * (its probe for a missing changelog aborts the transaction it runs in, mybatis/migrations#51, and it commits
 * in autocommit mode, which pgJDBC refuses). No lock, no history check, no adoption.
 */
public final class PlainMyBatis implements PlainMigration {

    @Override
    public String engineId() {
        return new MyBatisEngineProvider().id();
    }

    @Override
    public void migrate(String jdbcUrl, String user, String password, String schema) throws Exception {
        ClasspathMigrationLoader scripts = new ClasspathMigrationLoader(PlainMyBatis.class.getClassLoader(), MyBatisEngine.SCRIPTS,
                MyBatisEngine.SCRIPT_NAMES, MyBatisEngine.variables(false));
        try (MyBatisSession session = MyBatisSession.on(DriverManager.getConnection(jdbcUrl, user, password), schema)) {
            for (Change script : scripts.getMigrations()) {
                new UpOperation(1).operate(session, scripts, MyBatisEngine.options(outsideTransaction(scripts, script)), System.out);
            }
        }
    }

    private static boolean outsideTransaction(ClasspathMigrationLoader scripts, Change script) throws IOException {
        StringWriter sql = new StringWriter();
        try (Reader reader = scripts.getScriptReader(script, false)) {
            reader.transferTo(sql);
        }
        return OutsideTransaction.requiredBy(sql.toString());
    }
}
