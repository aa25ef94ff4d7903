package org.vsldb.sql.parser;

import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;

/**
 * The options of a {@code CREATE SEQUENCE} or {@code ALTER SEQUENCE} as written: each is null (or
 * false) when the statement does not give it. The parser fills it; {@code SequenceExecutor} turns
 * it into a definition.
 */
public final class SequenceOptions {
  public SqlDataTypeSpec dataType;
  public SqlLiteral start;
  public SqlLiteral increment;
  public SqlLiteral min;
  public SqlLiteral max;
  public SqlLiteral cache;
  /** NO MINVALUE, NO MAXVALUE, NO CACHE. */
  public boolean noMin;
  public boolean noMax;
  public boolean noCache;
  /** CYCLE (true), NO CYCLE (false), or not given (null). */
  public Boolean cycle;
  /** RESTART was given; {@link #restartWith} is its value, or null for the start value. */
  public boolean restart;
  public SqlLiteral restartWith;
  /** EXHAUSTED (H2): the sequence has no value left. */
  public boolean exhausted;
}
