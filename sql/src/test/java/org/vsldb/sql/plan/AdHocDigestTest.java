package org.vsldb.sql.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.vsldb.sql.type.VslTypeFactory;

/** What the ad-hoc digest replaces by parameters, and what it leaves as it is. */
class AdHocDigestTest {
  private static AdHocDigest digest(String sql) {
    AdHocDigest d = AdHocDigest.of(sql);
    assertNotNull(d, sql);
    return d;
  }

  @Test
  void of_pointSelect_replacesTheLiteral_andSharesTheKeyWithAnotherValue() {
    AdHocDigest a = digest("SELECT name FROM t WHERE id = 17");
    AdHocDigest b = digest("SELECT name FROM t WHERE id = 5");
    assertEquals("SELECT name FROM t WHERE id = ?", a.text());
    assertArrayEquals(new Object[] {17}, a.values());
    assertArrayEquals(new Object[] {5}, b.values());
    assertEquals(a.key(), b.key());
  }

  @Test
  void of_literalsOfAnotherTypeClass_haveAnotherKey() {
    String i = digest("select * from t where id = 5").key();
    assertNotEquals(i, digest("select * from t where id = 5.5").key());
    assertNotEquals(i, digest("select * from t where id = 5000000000").key());
    assertNotEquals(i, digest("select * from t where id = '5'").key());
    assertEquals(digest("select * from t where x = 1.50").key(), digest("select * from t where x = 2.25").key());
    assertNotEquals(digest("select * from t where x = 1.5").key(), digest("select * from t where x = 12.5").key());
    assertNotEquals(digest("select * from t where x = 'ab'").key(), digest("select * from t where x = 'abc'").key());
    assertEquals(digest("select * from t where x = 'ab'").key(), digest("select * from t where x = 'cd'").key());
  }

  @Test
  void of_values_areIntegerLongDecimalOrString() {
    AdHocDigest d = digest(
        "select * from t where a = 1 and b = 5000000000 and c = 0.50 and d = 'it''s' and e = -7 and f = - 2.5");
    assertEquals("select * from t where a = ? and b = ? and c = ? and d = ? and e = ? and f = ?", d.text());
    assertArrayEquals(new Object[] {1, 5000000000L, new BigDecimal("0.50"), "it's", -7, new BigDecimal("-2.5")},
        d.values());
  }

  @Test
  void parameterTypes_areTheLiteralTypes_withVarcharForStrings() {
    VslTypeFactory types = new VslTypeFactory();
    List<RelDataType> t = digest("select * from t where a = 1 and b = 5000000000 and c = 0.50 and d = 'ab'")
        .parameterTypes(types);
    assertEquals(SqlTypeName.INTEGER, t.get(0).getSqlTypeName());
    assertEquals(SqlTypeName.BIGINT, t.get(1).getSqlTypeName());
    assertEquals(SqlTypeName.DECIMAL, t.get(2).getSqlTypeName());
    assertEquals(3, t.get(2).getPrecision()); // Calcite counts the digits of the text: 0.50 is DECIMAL(3, 2)
    assertEquals(2, t.get(2).getScale());
    assertEquals(SqlTypeName.VARCHAR, t.get(3).getSqlTypeName());
    assertEquals(2, t.get(3).getPrecision());
  }

  @Test
  void of_literalsOutsideConditions_stayLiterals() {
    assertEquals("SELECT 1 + a, 'x' FROM t WHERE a = ? GROUP BY 1 ORDER BY 1 LIMIT 5 OFFSET 2",
        digest("SELECT 1 + a, 'x' FROM t WHERE a = 3 GROUP BY 1 ORDER BY 1 LIMIT 5 OFFSET 2").text());
    assertEquals("select (select max(b) from u where u.c = 4) from t where a = ?",
        digest("select (select max(b) from u where u.c = 4) from t where a = 3").text());
    assertEquals("select a from (select a from t where b = ?) s where a in (?, ?)",
        digest("select a from (select a from t where b = 1) s where a in (2, 3)").text());
    assertEquals("update t set b = 'x', c = 2 where a = ?", digest("update t set b = 'x', c = 2 where a = 1").text());
    assertNull(AdHocDigest.of("select * from t fetch first 3 rows only"));
  }

  @Test
  void of_canonicalDateTimeAndTimestampLiterals_becomeParametersOfTheirTypeAndPrecision() {
    AdHocDigest d = digest("select * from t where d = DATE '2020-01-31' and t < time '10:30:00'"
        + " and ts between TIMESTAMP '2020-02-29 23:59:59.5' and TIMESTAMP  '2021-01-01 00:00:00.125'");
    assertEquals("select * from t where d = ? and t < ? and ts between ? and ?", d.text());
    assertArrayEquals(new Object[] {LocalDate.of(2020, 1, 31), LocalTime.of(10, 30),
        LocalDateTime.of(2020, 2, 29, 23, 59, 59, 500_000_000), LocalDateTime.of(2021, 1, 1, 0, 0, 0, 125_000_000)},
        d.values());
    List<RelDataType> t = d.parameterTypes(new VslTypeFactory());
    assertEquals(SqlTypeName.DATE, t.get(0).getSqlTypeName());
    assertEquals(SqlTypeName.TIME, t.get(1).getSqlTypeName());
    assertEquals(0, t.get(1).getPrecision());
    assertEquals(SqlTypeName.TIMESTAMP, t.get(2).getSqlTypeName());
    assertEquals(1, t.get(2).getPrecision());
    assertEquals(3, t.get(3).getPrecision());
    // the key holds the type and the digits of the fraction, not the value
    assertEquals(digest("select * from t where d = DATE '2020-01-01'").key(),
        digest("select * from t where d = DATE '1999-12-31'").key());
    assertEquals(digest("select * from t where ts = TIMESTAMP '2020-01-01 10:00:00.25'").key(),
        digest("select * from t where ts = TIMESTAMP '2024-06-30 23:00:00.75'").key());
    assertNotEquals(digest("select * from t where ts = TIMESTAMP '2020-01-01 10:00:00'").key(),
        digest("select * from t where ts = TIMESTAMP '2020-01-01 10:00:00.5'").key());
    assertNotEquals(digest("select * from t where x = DATE '2020-01-01'").key(),
        digest("select * from t where x = '2020-01-01'").key());
    assertNotEquals(digest("select * from t where x = TIME '10:00:00'").key(),
        digest("select * from t where x = TIMESTAMP '2020-01-01 10:00:00'").key());
  }

  @Test
  void of_dateTimeLiteralsNotInCanonicalForm_stayLiterals() {
    for (String literal : List.of("DATE '2020-1-31'", "DATE '2020-02-30'", "DATE ' 2020-01-31'", "DATE '1500-03-01'",
        "DATE '20200-01-01'", "DATE '2020-01-31' 'x'", "TIME '24:00:00'", "TIME '10:61:00'", "TIME '10:00'",
        "TIME '10:00:00.1234'", "TIME '10:00:00.'", "TIMESTAMP '2020-01-01'", "TIMESTAMP '2020-01-01T10:00:00'",
        "TIMESTAMP '2020-01-01 10:00:00+02:00'", "TIMESTAMP '2020-01-01  10:00:00'",
        "TIMESTAMP WITH LOCAL TIME ZONE '2020-01-01 10:00:00'", "INTERVAL '1' DAY")) {
      assertNull(AdHocDigest.of("select * from t where x = " + literal), literal);
    }
    assertEquals("select DATE '2020-01-01', x from t where x = ?",
        digest("select DATE '2020-01-01', x from t where x = DATE '2020-01-02'").text());
    assertNull(AdHocDigest.of("select * from t where x = y + DATE '2020-01-01'"));
  }

  @Test
  void of_typedAndPrefixedStrings_stayLiterals() {
    assertNull(AdHocDigest.of("select * from t where b = X'0a'"));
    assertNull(AdHocDigest.of("select * from t where n = N'ab'"));
    assertNull(AdHocDigest.of("select * from t where s = _UTF8'ab'"));
    assertNull(AdHocDigest.of("select * from t where ts > ts2 + INTERVAL '1' DAY"));
    assertNull(AdHocDigest.of("select * from t where s like 'a%' escape '!'"));
    assertNull(AdHocDigest.of("select * from t where s = 'a' 'b'"));
  }

  @Test
  void of_numbersThatAreNotPlain_stayLiterals() {
    assertNull(AdHocDigest.of("select * from t where x = 1e3"));
    assertNull(AdHocDigest.of("select * from t where x = 5."));
    assertNull(AdHocDigest.of("select * from t where x = .5"));
    assertNull(AdHocDigest.of("select * from t where x = 99999999999999999999"));
    assertNull(AdHocDigest.of("select * from t where x = y - 5"));
    assertNull(AdHocDigest.of("select * from t where x = +5"));
  }

  @Test
  void of_quotedNamesAndQuotesInStrings_areNotLiterals() {
    AdHocDigest d = digest("select \"a'b\", \"5\" from \"t \"\"x\"\"\" where \"a'b\" = 'q''r' and \"5\" = 6");
    assertEquals("select \"a'b\", \"5\" from \"t \"\"x\"\"\" where \"a'b\" = ? and \"5\" = ?", d.text());
    assertArrayEquals(new Object[] {"q'r", 6}, d.values());
  }

  @Test
  void of_otherStatements_commentsParametersAndEscapes_haveNoDigest() {
    assertNull(AdHocDigest.of("insert into t values (1, 'a')"));
    assertNull(AdHocDigest.of("create table t(a int default 5)"));
    assertNull(AdHocDigest.of("copy (select * from t where a = 1) to 'f.csv'"));
    assertNull(AdHocDigest.of("with s as (select * from t where a = 1) select * from s"));
    assertNull(AdHocDigest.of("explain plan for select * from t where a = 1"));
    assertNull(AdHocDigest.of("select * from t where a = 1 -- one"));
    assertNull(AdHocDigest.of("select * from t where a = 1 /* one */"));
    assertNull(AdHocDigest.of("select * from t where a = ? and b = 2"));
    assertNull(AdHocDigest.of("select * from t where d = {d '2020-01-01'} and b = 2"));
    assertNull(AdHocDigest.of("select * from t where s = 'open"));
    assertNull(AdHocDigest.of("select * from t"));
  }
}
