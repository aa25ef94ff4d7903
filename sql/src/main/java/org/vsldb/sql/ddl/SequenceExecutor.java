package org.vsldb.sql.ddl;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlLiteral;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.parser.SequenceOptions;
import org.vsldb.sql.parser.SqlAlterSequence;
import org.vsldb.sql.parser.SqlCreateSequence;
import org.vsldb.sql.parser.SqlDropSequence;
import org.vsldb.storage.Store;
import org.vsldb.storage.table.SequenceDef;
import org.vsldb.storage.table.SequenceState;

/**
 * CREATE, ALTER and DROP SEQUENCE (docs/SQL.md, "Sequences"): the options as written become a
 * {@link SequenceDef}, with H2's defaults for those not given.
 */
public final class SequenceExecutor {
  private final Store store;
  private final String schema;

  public SequenceExecutor(Store store, String schema) {
    this.store = store;
    this.schema = schema;
  }

  public void create(SqlCreateSequence c) throws SQLException {
    String[] name = Names.qualified(store.catalog(), c.name, schema);
    if (store.catalog().sequence(name[0], name[1]) != null) {
      if (c.ifNotExists) {
        return;
      }
      throw ErrorCode.SEQUENCE_EXISTS.exception(name[0] + "." + name[1]);
    }
    SequenceOptions o = c.options;
    String type = o.dataType == null ? "BIGINT" : typeName(o);
    long[] range = range(type);
    long increment = o.increment == null ? 1 : value(o.increment, "INCREMENT BY");
    Long start = o.start == null ? null : value(o.start, "START WITH");
    long min = o.min != null ? value(o.min, "MINVALUE")
        : increment > 0 ? Math.min(1, start == null ? 1 : start) : range[0];
    long max = o.max != null ? value(o.max, "MAXVALUE")
        : increment > 0 ? range[1] : Math.max(-1, start == null ? -1 : start);
    long first = start != null ? start : increment > 0 ? min : max;
    boolean cycle = Boolean.TRUE.equals(o.cycle);
    long cache = cache(o, SequenceDef.DEFAULT_CACHE);
    SequenceDef def = def(name, type, first, increment, min, max, cycle, cache);
    SequenceState state = o.exhausted ? new SequenceState(first, true)
        : o.restartWith != null ? new SequenceState(value(o.restartWith, "RESTART WITH"), false)
        : def.initialState();
    try {
      store.createSequence(def, state);
    } catch (IllegalArgumentException e) {
      throw ErrorCode.SEQUENCE_ATTRIBUTES.exception(e.getMessage());
    }
  }

  public void alter(SqlAlterSequence a) throws SQLException {
    String[] name = Names.qualified(store.catalog(), a.name, schema);
    org.vsldb.storage.table.Sequence q = store.catalog().sequence(name[0], name[1]);
    if (q == null) {
      if (a.ifExists) {
        return;
      }
      throw ErrorCode.SEQUENCE_NOT_FOUND.exception(name[0] + "." + name[1], "");
    }
    SequenceOptions o = a.options;
    SequenceDef old = q.def();
    long[] range = range(old.dataType());
    long increment = o.increment == null ? old.increment() : value(o.increment, "INCREMENT BY");
    long start = o.start == null ? old.start() : value(o.start, "START WITH");
    long min = o.min != null ? value(o.min, "MINVALUE")
        : o.noMin ? (increment > 0 ? Math.min(1, start) : range[0]) : old.min();
    long max = o.max != null ? value(o.max, "MAXVALUE")
        : o.noMax ? (increment > 0 ? range[1] : Math.max(-1, start)) : old.max();
    boolean cycle = o.cycle == null ? old.cycle() : o.cycle;
    long cache = cache(o, old.cache());
    SequenceDef def = def(name, old.dataType(), start, increment, min, max, cycle, cache);
    SequenceState restart = o.exhausted ? new SequenceState(start, true)
        : !o.restart ? null
        : new SequenceState(o.restartWith == null ? start : value(o.restartWith, "RESTART WITH"), false);
    try {
      store.alterSequence(def, restart);
    } catch (IllegalArgumentException e) {
      throw ErrorCode.SEQUENCE_ATTRIBUTES.exception(e.getMessage());
    }
  }

  public void drop(SqlDropSequence d) throws SQLException {
    String[] name = Names.qualified(store.catalog(), d.name, schema);
    if (store.catalog().sequence(name[0], name[1]) == null) {
      if (d.ifExists) {
        return;
      }
      throw ErrorCode.SEQUENCE_NOT_FOUND.exception(name[0] + "." + name[1], "");
    }
    store.dropSequence(name[0], name[1]);
  }

  private static SequenceDef def(String[] name, String type, long start, long increment, long min, long max,
      boolean cycle, long cache) throws SQLException {
    try {
      return new SequenceDef(name[0], name[1], type, start, increment, min, max, cycle, cache);
    } catch (IllegalArgumentException e) {
      throw ErrorCode.SEQUENCE_ATTRIBUTES.exception(e.getMessage());
    }
  }

  private static long cache(SequenceOptions o, long otherwise) throws SQLException {
    if (o.noCache) {
      return 1;
    }
    return o.cache == null ? otherwise : value(o.cache, "CACHE");
  }

  private static String typeName(SequenceOptions o) throws SQLException {
    String t = o.dataType.getTypeName().getSimple();
    return switch (t) {
      case "TINYINT", "SMALLINT", "INTEGER", "BIGINT" -> t;
      default -> throw ErrorCode.unsupported("a sequence of type " + t + " (TINYINT, SMALLINT, INTEGER or BIGINT)");
    };
  }

  private static long[] range(String type) {
    return SequenceDef.range(type);
  }

  private static long value(SqlLiteral literal, String option) throws SQLException {
    BigDecimal v = literal.getValueAs(BigDecimal.class);
    try {
      return v.longValueExact();
    } catch (ArithmeticException e) {
      throw ErrorCode.SEQUENCE_ATTRIBUTES.exception(option + " " + v.toPlainString()
          + " is not an integer within BIGINT");
    }
  }
}
