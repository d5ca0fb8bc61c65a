package io.jjj.local;

/**
 * A PostgreSQL server named by a JDBC URL: {@code jdbc:postgresql://host[:port][,host2...]/[db][?params]}.
 * The launcher gives each service its own database on that server. Pure.
 */
public record JdbcServer(String hosts, String database, String params) {

    private static final String PREFIX = "jdbc:postgresql://";

    public static JdbcServer parse(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new LauncherException("DB_URL must look like jdbc:postgresql://host:port/database, got '" + url + "'");
        }
        String rest = url.substring(PREFIX.length());
        String params = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            params = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String hosts = rest;
        String db = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            hosts = rest.substring(0, slash);
            db = rest.substring(slash + 1);
        }
        if (hosts.isEmpty()) {
            throw new LauncherException("DB_URL names no host: '" + url + "'");
        }
        return new JdbcServer(hosts, db, params);
    }

    /** The URL of another database on the same server, with the same parameters. */
    public String urlFor(String db) {
        return PREFIX + hosts + "/" + db + (params.isEmpty() ? "" : "?" + params);
    }

    /** The URL to connect to for administration (creating databases): the given database, else 'postgres'. */
    public String adminUrl() {
        return urlFor(database.isEmpty() ? "postgres" : database);
    }
}
