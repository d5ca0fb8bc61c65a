package io.jjj.local;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JdbcServerTest {

    @Test
    void keepsHostsAndParametersAndSwapsTheDatabase() {
        JdbcServer s = JdbcServer.parse("jdbc:postgresql://h1:5432,h2:5432/app?sslmode=require&targetServerType=primary");
        assertEquals("h1:5432,h2:5432", s.hosts());
        assertEquals("app", s.database());
        assertEquals("jdbc:postgresql://h1:5432,h2:5432/jjj_transport?sslmode=require&targetServerType=primary",
                s.urlFor("jjj_transport"));
        assertEquals("jdbc:postgresql://h1:5432,h2:5432/app?sslmode=require&targetServerType=primary", s.adminUrl());
    }

    @Test
    void withoutADatabaseAdministersThroughPostgres() {
        JdbcServer s = JdbcServer.parse("jdbc:postgresql://localhost:5432/");
        assertEquals("", s.database());
        assertEquals("jdbc:postgresql://localhost:5432/postgres", s.adminUrl());
        assertEquals("jdbc:postgresql://localhost:5432/jjj_x", JdbcServer.parse("jdbc:postgresql://localhost:5432").urlFor("jjj_x"));
    }

    @Test
    void rejectsWhatIsNotAPostgresUrl() {
        assertThrows(LauncherException.class, () -> JdbcServer.parse("postgres://localhost/x"));
        assertThrows(LauncherException.class, () -> JdbcServer.parse("jdbc:mysql://localhost/x"));
        assertThrows(LauncherException.class, () -> JdbcServer.parse("jdbc:postgresql:///x"));
    }
}
