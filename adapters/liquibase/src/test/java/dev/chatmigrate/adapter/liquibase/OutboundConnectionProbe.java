package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.MigrationRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;

/**
 * Run in a fresh JVM by {@link NoNetworkTest}: migrates one database, either through this adapter
 * ({@code adapter}) or with plain Liquibase as an application would call it ({@code plain-liquibase}),
 * and prints every outbound connection attempted to anything but that database ({@code OUTBOUND uri})
 * and what was written to stdout meanwhile ({@code STDOUT-BYTES n}).
 *
 * <p>Every socket and URL connection asks the default {@link ProxySelector} for its route (sockets as
 * {@code socket://host:port}), so a recording selector sees them all; it sends the database's direct
 * and routes every other attempt to a closed local port, so that nothing leaves the machine.
 */
public final class OutboundConnectionProbe {

    private OutboundConnectionProbe() {
    }

    public static void main(String[] args) throws Exception {
        Database database = new Database(args[1], args[2], null);
        Matcher server = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/").matcher(database.jdbcUrl());
        if (!server.find()) {
            throw new IllegalArgumentException("expected jdbc:postgresql://host:port/db, was " + database.jdbcUrl());
        }
        RecordingProxySelector selector = new RecordingProxySelector(server.group(1), Integer.parseInt(server.group(2)));
        ProxySelector.setDefault(selector);
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            if (args[0].equals("adapter")) {
                new MigrationRunner(database.settings("liquibase"), new LiquibaseEngineProvider()).migrate();
            } else {
                migrateWithPlainLiquibase(database);
            }
        } finally {
            System.setOut(stdout);
        }
        selector.attempts.forEach(uri -> stdout.println("OUTBOUND " + uri));
        stdout.println("STDOUT-BYTES " + captured.size());
        stdout.flush();
        System.exit(0);
    }

    private static void migrateWithPlainLiquibase(Database database) throws Exception {
        try (Connection connection = database.open("plain-liquibase", Duration.ofSeconds(10))) {
            PostgresDatabase postgres = new PostgresDatabase();
            postgres.setConnection(new JdbcConnection(connection));
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, postgres)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, LiquibaseSession.CHANGELOG)
                    .execute();
        }
    }

    /** Records every route asked for except the database's; routes those to a closed port. */
    private static final class RecordingProxySelector extends ProxySelector {

        private static final Proxy NOWHERE = new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", 1));

        private final String databaseHost;
        private final int databasePort;
        final List<URI> attempts = new CopyOnWriteArrayList<>();

        RecordingProxySelector(String databaseHost, int databasePort) {
            this.databaseHost = databaseHost;
            this.databasePort = databasePort;
        }

        @Override
        public List<Proxy> select(URI uri) {
            if ("socket".equals(uri.getScheme()) && databaseHost.equals(uri.getHost()) && uri.getPort() == databasePort) {
                return List.of(Proxy.NO_PROXY);
            }
            attempts.add(uri);
            return List.of(uri.getScheme().startsWith("http") ? new Proxy(Proxy.Type.HTTP, NOWHERE.address()) : NOWHERE);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // expected: every route but the database's leads to a closed port
        }
    }
}
