package org.vsldb.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Statements vsl does not have are named by their first words, after comments, in any case. */
class UnsupportedStatementsTest {
  @Test
  void knownStatements_areNamed_byTheirLongestMatchingWords() {
    assertEquals("CREATE USER", UnsupportedStatements.of("CREATE USER IF NOT EXISTS \"SA\" SALT 'x' HASH 'y' ADMIN"));
    assertEquals("CREATE LINKED TABLE", UnsupportedStatements.of("create linked table t('org.h2.Driver', 'u', '', '', 'T')"));
    assertEquals("GRANT", UnsupportedStatements.of("-- note\n/* more */ grant select on t to bob"));
    assertEquals("CREATE MATERIALIZED VIEW", UnsupportedStatements.of("Create Materialized View v as select 1"));
    assertEquals("SET DB_CLOSE_DELAY", UnsupportedStatements.of("SET DB_CLOSE_DELAY -1;"));
  }

  @Test
  void otherStatements_areNotNamed() {
    assertNull(UnsupportedStatements.of("create table user_roles(a int)"));
    assertNull(UnsupportedStatements.of("select * from grant_log"));
    assertNull(UnsupportedStatements.of("create usertable"));
    assertNull(UnsupportedStatements.of(""));
    assertNull(UnsupportedStatements.of("'grant'"));
    assertNull(UnsupportedStatements.of("set schema"));
  }
}
