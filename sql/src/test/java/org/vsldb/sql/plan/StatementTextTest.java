package org.vsldb.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where a statement's SQL ends: semicolons, comments and white space after it are not part of it. */
class StatementTextTest {
  private static String statement(String sql) {
    return sql.substring(0, StatementText.end(sql));
  }

  @Test
  void finalSemicolonsCommentsAndSpace_areDropped() {
    assertEquals("select 1", statement("select 1;"));
    assertEquals("select 1", statement("select 1 ;; \n"));
    assertEquals("select 1", statement("select 1; -- a note"));
    assertEquals("select 1", statement("select 1 /* a note; */ ;"));
    assertEquals("select 1", statement("select 1"));
  }

  @Test
  void textOfCommentsAndSpaceOnly_hasNoStatement() {
    assertEquals("", statement(""));
    assertEquals("", statement("  \n\t"));
    assertEquals("", statement("-- H2 2.3.232;"));
    assertEquals("", statement("/* nothing */ ; -- at all"));
  }

  @Test
  void semicolonsAndCommentMarks_insideStringsAndQuotedNames_belongToThem() {
    assertEquals("select 'a;' || '--;'", statement("select 'a;' || '--;';"));
    assertEquals("select 'it''s; -- x'", statement("select 'it''s; -- x' -- note"));
    assertEquals("select E'it\\'s; -- x'", statement("select E'it\\'s; -- x';"));
    assertEquals("select 1 as \"a;--\"", statement("select 1 as \"a;--\";"));
    assertEquals("select e'\\\\'", statement("select e'\\\\' ;"));
  }

  @Test
  void aSemicolonBetweenStatements_staysForTheParserToRefuse() {
    assertEquals("select 1; select 2", statement("select 1; select 2;"));
  }

  @Test
  void unclosedStringsAndComments_runToTheEnd_forTheParserToReport() {
    assertEquals("select 'abc;", statement("select 'abc;"));
    assertEquals("select 1 /* open;", statement("select 1 /* open;"));
    assertEquals("select \"a;", statement("select \"a;"));
  }
}
