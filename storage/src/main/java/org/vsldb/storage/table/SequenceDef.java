package org.vsldb.storage.table;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A sequence's definition (docs/SQL.md, "Sequences"): the integer type of its values, where it
 * starts, its step, its bounds, whether it cycles, and how many values one log record reserves.
 *
 * @param schema exact schema name
 * @param name exact sequence name
 * @param dataType TINYINT, SMALLINT, INTEGER or BIGINT
 * @param start the first value, and the value {@code RESTART} without {@code WITH} goes back to
 * @param increment the step between values; not 0
 * @param min the least value
 * @param max the greatest value
 * @param cycle whether the sequence goes on at the other bound after passing one
 * @param cache how many values one log record reserves (at least 1)
 */
public record SequenceDef(String schema, String name, String dataType, long start, long increment,
    long min, long max, boolean cycle, long cache) {
  /** The cache of a sequence created without CACHE. */
  public static final long DEFAULT_CACHE = 32;

  public SequenceDef {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataType, "dataType");
    long[] range = range(dataType);
    String problem = null;
    if (increment == 0) {
      problem = "INCREMENT must not be 0";
    } else if (min > max) {
      problem = "MINVALUE " + min + " is greater than MAXVALUE " + max;
    } else if (min < range[0] || max > range[1]) {
      problem = "MINVALUE and MAXVALUE must lie within " + dataType + " (" + range[0] + " to " + range[1] + ")";
    } else if (start < min || start > max) {
      problem = "START WITH " + start + " lies outside MINVALUE " + min + " to MAXVALUE " + max;
    } else if (cache < 1) {
      problem = "CACHE must be at least 1";
    }
    if (problem != null) {
      throw new IllegalArgumentException("invalid attributes of sequence " + name + ": " + problem);
    }
  }

  /** The least and greatest values of a sequence's data type. */
  public static long[] range(String dataType) {
    return switch (dataType) {
      case "TINYINT" -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
      case "SMALLINT" -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
      case "INTEGER" -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case "BIGINT" -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
      default -> throw new IllegalArgumentException("a sequence's type must be TINYINT, SMALLINT, INTEGER or BIGINT, not " + dataType);
    };
  }

  /** The state of a new sequence: its start value comes next. */
  public SequenceState initialState() {
    return new SequenceState(start, false);
  }

  /** What {@link #advance} gives: the state after the values taken, and how many there were. */
  public record Advance(SequenceState state, long taken) {}

  /**
   * The state after taking up to {@code k} values from {@code from}: fewer than {@code k} when
   * a sequence without CYCLE runs out (the state is then exhausted). Computed, not stepped, so a
   * large cache costs nothing.
   */
  public Advance advance(SequenceState from, long k) {
    if (from.exhausted() || k <= 0) {
      return new Advance(from, 0);
    }
    BigInteger inc = BigInteger.valueOf(increment);
    BigInteger next = BigInteger.valueOf(from.next());
    BigInteger lo = BigInteger.valueOf(min);
    BigInteger hi = BigInteger.valueOf(max);
    // values left before the bound in the direction of travel, the next one included
    BigInteger room = increment > 0 ? hi.subtract(next) : next.subtract(lo);
    BigInteger left = room.divide(inc.abs()).add(BigInteger.ONE);
    BigInteger want = BigInteger.valueOf(k);
    if (want.compareTo(left) < 0) {
      return new Advance(new SequenceState(next.add(inc.multiply(want)).longValueExact(), false), k);
    }
    if (!cycle) {
      return new Advance(new SequenceState(from.next(), true), left.longValueExact());
    }
    // past the bound: start again at the other bound, as often as the values taken need
    BigInteger lap = hi.subtract(lo).divide(inc.abs()).add(BigInteger.ONE);
    BigInteger into = want.subtract(left).mod(lap);
    BigInteger restart = increment > 0 ? lo : hi;
    return new Advance(new SequenceState(restart.add(inc.multiply(into)).longValueExact(), false), k);
  }
}
