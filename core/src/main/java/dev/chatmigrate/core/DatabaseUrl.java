package dev.chatmigrate.core;

import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A database URL as users paste it, turned into a {@link Database}: either a pgJDBC URL
 * ({@code jdbc:postgresql://...}) or a libpq URI as Neon gives it
 * ({@code postgresql://user:p%40ss@ep-x-123.us-east-2.aws.neon.tech/neondb?sslmode=require&channel_binding=require}).
 *
 * <p>libpq parameters become their pgJDBC equivalents, Neon's {@code options=endpoint=...} is dropped
 * (pgJDBC sends SNI), and a Neon {@code -pooler} host becomes the direct host, because advisory locks
 * and DDL need a real session; {@link #notices()} says so. Several hosts (a failover formation) mean the
 * primary among them, whatever their order and whatever {@code target_session_attrs} or {@code targetServerType}
 * says: pgJDBC's default would take the first host that answers, a standby after a failover (docs/design.md,
 * "Past one node").
 */
public record DatabaseUrl(Database database, List<String> notices) {

    private static final String TARGET_SERVER_TYPE = "targetServerType";
    private static final String PRIMARY = "primary";
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.ofEntries(
            Map.entry("sslmode", "sslmode"),
            Map.entry("channel_binding", "channelBinding"),
            Map.entry("connect_timeout", "connectTimeout"),
            Map.entry("application_name", "ApplicationName"),
            Map.entry("sslrootcert", "sslrootcert"),
            Map.entry("sslcert", "sslcert"),
            Map.entry("sslkey", "sslkey"),
            Map.entry("target_session_attrs", TARGET_SERVER_TYPE),
            Map.entry("gssencmode", "gssEncMode"));

    public DatabaseUrl {
        Objects.requireNonNull(database, "database");
        notices = List.copyOf(notices);
    }

    /**
     * Parses {@code url}.
     *
     * @throws InvalidConfigurationException naming what is wrong, with the password masked
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid(url, "it is empty");
        }
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return parseJdbc(trimmed);
        }
        if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
            try {
                return parseLibpq(trimmed);
            } catch (InvalidConfigurationException e) {
                throw unencodedInUserInfo(trimmed).map(problem -> invalid(trimmed, problem)).orElse(e);
            }
        }
        throw invalid(trimmed, "the scheme is not postgresql:// or jdbc:postgresql://");
    }

    private static DatabaseUrl parseJdbc(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        if (!base.startsWith("jdbc:postgresql://") || base.length() == "jdbc:postgresql://".length()) {
            throw invalid(url, "no host is given");
        }
        Map<String, String> parameters = query < 0 ? new LinkedHashMap<>() : UrlCoding.parseQuery(url, url.substring(query + 1));
        String user = parameters.remove("user");
        String password = parameters.remove("password");
        List<String> notices = new ArrayList<>();
        String hosts = base.substring("jdbc:postgresql://".length()).split("/", 2)[0];
        primaryOfSeveral(hosts.split(",").length, parameters, notices);
        return new DatabaseUrl(new Database(base + UrlCoding.toQuery(parameters), user, password), notices);
    }

    private static DatabaseUrl parseLibpq(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        // As libpq reads it: the user information ends at the first '@' that comes before any '/', so a password may
        // hold '?' and '#' as they are, while '@' and '/' must be percent-encoded.
        int at = userInfoEnd(rest);
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = UrlCoding.decode(url, colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : UrlCoding.decode(url, userInfo.substring(colon + 1));
            rest = rest.substring(at + 1);
        }
        int query = rest.indexOf('?');
        String parametersPart = query < 0 ? "" : rest.substring(query + 1);
        String beforeQuery = query < 0 ? rest : rest.substring(0, query);
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String path = slash < 0 ? "" : beforeQuery.substring(slash + 1);
        if (path.contains("/") || path.contains("@")) {
            throw invalid(url, "the database name holds a '/' or '@', which must be percent-encoded (%2F, %40)");
        }
        String databaseName = UrlCoding.decode(url, path);
        if (authority.isEmpty()) {
            throw invalid(url, "no host is given");
        }
        if (databaseName.isEmpty()) {
            throw invalid(url, "no database name is given");
        }

        List<String> notices = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String hostAndPort : authority.split(",", -1)) {
            hosts.add(directHost(url, hostAndPort, notices));
        }

        Map<String, String> pgjdbc = new LinkedHashMap<>();
        String previous = null;
        for (Map.Entry<String, String> parameter : UrlCoding.parseQuery(url, parametersPart).entrySet()) {
            String key = parameter.getKey();
            boolean afterPassword = "password".equals(previous);
            previous = key;
            String value = parameter.getValue();
            switch (key) {
                case "user" -> user = value;
                case "password" -> password = value;
                case "dbname" -> databaseName = value;
                case "options" -> {
                    if (!value.startsWith("endpoint=")) {
                        throw invalid(url, "the 'options' parameter is not supported (only Neon's endpoint=... is, and it is not needed with pgJDBC)");
                    }
                }
                default -> {
                    String mapped = LIBPQ_TO_PGJDBC.get(key);
                    if (mapped == null) {
                        // After password=..., an unknown name is likely the rest of a password that holds an '&'.
                        throw invalid(url, (afterPassword ? "the parameter after 'password' is not supported, or the"
                                + " password holds an '&', which must be written %26;" : "the parameter '" + key + "' is not supported;")
                                + " supported: "
                                + String.join(", ", LIBPQ_TO_PGJDBC.keySet().stream().sorted().toList()));
                    }
                    pgjdbc.put(mapped, "target_session_attrs".equals(key) ? targetServerType(value) : value);
                }
            }
        }
        primaryOfSeveral(hosts.size(), pgjdbc, notices);
        String jdbcUrl = "jdbc:postgresql://" + String.join(",", hosts) + "/" + UrlCoding.encodePath(databaseName) + UrlCoding.toQuery(pgjdbc);
        return new DatabaseUrl(new Database(jdbcUrl, user, password), notices);
    }

    /**
     * Why a libpq URI that failed to parse most likely did: its user information, read up to its last '@', holds a
     * character that must be percent-encoded there.
     */
    private static Optional<String> unencodedInUserInfo(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        String userInfo = rest.substring(0, Math.max(rest.lastIndexOf('@'), 0));
        for (char c : new char[] {'@', '/'}) {
            if (userInfo.indexOf(c) >= 0) {
                return Optional.of("the user name or password holds a '" + c + "', which must be written %"
                        + String.format("%02X", (int) c) + " in a URL (percent-encode the password, or give it in DATABASE_PASSWORD)");
            }
        }
        return Optional.empty();
    }

    /** Where libpq ends the user information of {@code rest} (what follows {@code ://}): its first '@' before any '/', or -1. */
    private static int userInfoEnd(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '@') {
                return i;
            }
            if (c == '/') {
                return -1;
            }
        }
        return -1;
    }

    private static String directHost(String url, String hostAndPort, List<String> notices) {
        if (hostAndPort.isEmpty()) {
            throw invalid(url, "a host is empty");
        }
        String host;
        String port;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 0) {
                throw invalid(url, "an IPv6 host is missing its closing ']'");
            }
            host = hostAndPort.substring(0, close + 1);
            port = hostAndPort.substring(close + 1);
        } else {
            int colon = hostAndPort.indexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
            port = colon < 0 ? "" : hostAndPort.substring(colon);
        }
        if (!port.isEmpty() && !port.matches(":\\d{1,5}")) {
            throw invalid(url, "the port '" + port.substring(Math.min(1, port.length())) + "' is not a number");
        }
        int firstDot = host.indexOf('.');
        String firstLabel = firstDot < 0 ? host : host.substring(0, firstDot);
        if (firstLabel.endsWith("-pooler")) {
            String direct = firstLabel.substring(0, firstLabel.length() - "-pooler".length()) + host.substring(firstLabel.length());
            notices.add("The database URL points at the connection pooler " + host + "; migrations use the direct host "
                    + direct + " instead, because advisory locks and DDL need a session of their own.");
            host = direct;
        }
        return host + port;
    }

    /** With several hosts, {@code targetServerType=primary}; a different choice of the URL is overridden and the override announced. */
    private static void primaryOfSeveral(int hostCount, Map<String, String> pgjdbc, List<String> notices) {
        String asked = pgjdbc.get(TARGET_SERVER_TYPE);
        if (hostCount < 2 || PRIMARY.equals(asked) || "master".equals(asked)) {
            return;
        }
        pgjdbc.put(TARGET_SERVER_TYPE, PRIMARY);
        if (asked != null && !"any".equals(asked)) {
            notices.add("The database URL names " + hostCount + " hosts and asks for a " + asked + " server; chatmigrate"
                    + " connects to the primary among them instead, because migrations and their lock need the primary.");
        }
    }

    private static String targetServerType(String libpqValue) {
        return switch (libpqValue) {
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> "any";
        };
    }

    private static final String EXPECTED =
            "postgresql://{user}:{password}@{host}[:{port}]/{database}[?sslmode=require] or jdbc:postgresql://{host}[:{port}]/{database}";

    static InvalidConfigurationException invalid(String url, String problem) {
        String shown = Secrets.redactUrl(url);
        return new InvalidConfigurationException("The database URL '" + shown + "' is not valid: " + problem
                + ". Expected " + EXPECTED + ".", "url", EXPECTED, shown);
    }
}
