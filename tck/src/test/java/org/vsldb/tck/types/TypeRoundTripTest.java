package org.vsldb.tck.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every column type of PRODUCT.md 3.1, every edge value of it ({@link TypeCase}), stored through
 * every setter that applies ({@link Setter}) into vsl and into H2 2.3.232, and read back through
 * every getter that applies ({@link Getter}), with {@code wasNull()} after each. vsl must give
 * what H2 gives, value, class and NULL-ness, or fail where H2 fails, except for the
 * {@link KnownDifferences}, where vsl must give what the record says.
 */
class TypeRoundTripTest {
  private static Connection vsl;
  private static Connection h2;
  private static final Set<Difference> observed = new HashSet<>();
  private static int comparisons;

  /**
   * The session zone of the run: one with daylight saving time and an offset that is not whole
   * hours in the past, so that conversions through the zone show; the JVM's zone is restored after.
   */
  static final java.util.TimeZone ZONE = java.util.TimeZone.getTimeZone("America/New_York");
  private static java.util.TimeZone saved;

  @BeforeAll
  static void open() throws SQLException {
    saved = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(ZONE);
    org.h2.util.DateTimeUtils.resetCalendar();
    vsl = DriverManager.getConnection("jdbc:vsl:mem:");
    h2 = DriverManager.getConnection("jdbc:h2:mem:types;DB_CLOSE_DELAY=0");
    for (int i = 0; i < TypeCase.ALL.size(); i++) {
      TypeCase t = TypeCase.ALL.get(i);
      try (Statement a = vsl.createStatement(); Statement b = h2.createStatement()) {
        a.execute("create table t" + i + "(id int primary key, v " + t.vslType() + ")");
        b.execute("create table t" + i + "(id int primary key, v " + t.h2Type() + ")");
      }
    }
  }

  /**
   * Closes both databases. When every comparison ran, every recorded difference must have been
   * seen: one that no longer occurs is stale and must go, from {@link KnownDifferences} and from
   * docs/SQL.md.
   */
  @AfterAll
  static void close() throws SQLException {
    vsl.close();
    h2.close();
    java.util.TimeZone.setDefault(saved);
    org.h2.util.DateTimeUtils.resetCalendar();
    if (comparisons == cases().count()) {
      List<String> stale = new ArrayList<>();
      for (Difference d : KnownDifferences.ALL) {
        if (!observed.contains(d)) {
          stale.add(d.types() + " " + d.getters() + ": " + d.reason());
        }
      }
      assertTrue(stale.isEmpty(), "recorded differences no longer seen:\n" + String.join("\n", stale));
    }
  }

  static String label(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof byte[] b) {
      return b.length > 16 ? b.length + " bytes" : "X'" + HexFormat.of().formatHex(b) + "'";
    }
    String s = v.toString();
    return s.length() > 40 ? "'" + s.substring(0, 12) + "…' (" + s.length() + " chars)" : "'" + s + "'";
  }

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (TypeCase t : TypeCase.ALL) {
      for (Object v : t.values()) {
        for (Setter s : Setter.ALL) {
          if (s.applies().to(t, v)) {
            all.add(Arguments.of(t, label(v), s, v));
          }
        }
      }
    }
    return all.stream();
  }

  /** Stores {@code v} as row 1 of the type's table through the setter, and selects it. */
  private static ResultSet store(Connection c, TypeCase t, Setter s, Object v) throws SQLException {
    String table = "t" + TypeCase.ALL.indexOf(t);
    c.createStatement().execute("delete from " + table);
    try (PreparedStatement p = c.prepareStatement("insert into " + table + "(v, id) values (?, 1)")) {
      s.call().set(p, t, v);
      assertEquals(1, p.executeUpdate());
    }
    ResultSet rs = c.createStatement().executeQuery("select v from " + table);
    assertTrue(rs.next(), "the stored row");
    return rs;
  }

  @ParameterizedTest(name = "{0} {1} through {2}")
  @MethodSource("cases")
  void value_throughSetter_readsBackAsInH2_throughEveryGetter(TypeCase t, String label, Setter s, Object v)
      throws SQLException {
    comparisons++;
    List<String> unexplained = new ArrayList<>();
    int compared = 0;
    try (ResultSet a = store(vsl, t, s, v); ResultSet b = store(h2, t, s, v)) {
      for (Getter g : Getter.ALL) {
        if (!g.appliesTo(t)) {
          continue;
        }
        compared++;
        String mine = g.read(a, t.family());
        String theirs = g.read(b, t.family());
        if (mine.equals(theirs)) {
          continue;
        }
        Difference d = KnownDifferences.find(t, g, s, v);
        if (d != null && d.vsl().test(v, mine)) {
          observed.add(d);
        } else {
          unexplained.add(g + "\n    vsl: " + cut(mine) + "\n    h2:  " + cut(theirs)
              + (d == null ? "" : "\n    (recorded difference, but vsl's outcome is not the recorded one: "
                  + d.reason() + ")"));
        }
      }
    }
    assertTrue(compared >= 5, "too few getters apply to " + t);
    assertTrue(unexplained.isEmpty(), t + " " + label + " through " + s + ":\n  " + String.join("\n  ", unexplained));
  }

  private static String cut(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " chars)" : s;
  }

  @ParameterizedTest(name = "{0} {1} through {2}")
  @MethodSource("cases")
  void value_throughSetter_comesBackEqual_throughGetObjectOfItsClass(TypeCase t, String label, Setter s, Object v)
      throws SQLException {
    try (ResultSet rs = store(vsl, t, s, v)) {
      Object back = rs.getObject(1, t.javaClass());
      assertEquals(v == null, rs.wasNull(), "wasNull");
      Object expected = t.stored(s.carries().apply(v));
      if (expected == null) {
        assertNull(back);
      } else if (expected instanceof byte[] e) {
        assertArrayEquals(e, (byte[]) back);
      } else if (expected instanceof OffsetDateTime o) {
        assertEquals(o.toInstant(), ((OffsetDateTime) back).toInstant());
      } else {
        assertEquals(expected, back);
      }
      assertFalse(rs.next());
    }
  }
}
