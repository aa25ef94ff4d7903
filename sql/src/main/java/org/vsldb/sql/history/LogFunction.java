package org.vsldb.sql.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.impl.TableFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.exec.VslDataContext;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.archive.LogHistory;
import org.vsldb.storage.log.CorruptionException;

/**
 * {@code TABLE(VSL_LOG([TABLE_NAME], [FROM_TIME], [TO_TIME]))}: one row per logged change, from the
 * archived generations and the current log, in commit order (docs/SQL.md, "The log as history").
 * The arguments filter while the log is read: a table name ({@code 'T'} or {@code 'SCHEMA.T'}, as
 * INFORMATION_SCHEMA spells it) skips the other tables' values undecoded, and a time range skips
 * whole generations before it and stops reading after it. Times are TIMESTAMPs in the session's
 * time zone. Only commits the statement's snapshot sees are returned.
 */
public final class LogFunction {
  /** The function's name in SQL. */
  public static final String NAME = "VSL_LOG";

  private LogFunction() {}

  /**
   * The function for the root schema: {@link #log} as Calcite's reflection sees it, except that
   * the times are declared as SQL TIMESTAMPs (not as the Java class), so that parameters bound to
   * them arrive in the runtime representation and are converted for the call.
   */
  public static Function function() {
    TableFunctionImpl reflective = (TableFunctionImpl) TableFunctionImpl.create(LogFunction.class, "log");
    return new SqlTypedFunction(reflective);
  }

  /** {@link TableFunctionImpl} with SQL-typed parameters. */
  private static final class SqlTypedFunction
      implements org.apache.calcite.schema.TableFunction, org.apache.calcite.schema.ImplementableFunction {
    private final TableFunctionImpl reflective;

    SqlTypedFunction(TableFunctionImpl reflective) {
      this.reflective = reflective;
    }

    @Override
    public java.util.List<org.apache.calcite.schema.FunctionParameter> getParameters() {
      java.util.List<org.apache.calcite.schema.FunctionParameter> out = new java.util.ArrayList<>();
      for (org.apache.calcite.schema.FunctionParameter p : reflective.getParameters()) {
        out.add(new org.apache.calcite.schema.FunctionParameter() {
          @Override
          public int getOrdinal() {
            return p.getOrdinal();
          }

          @Override
          public String getName() {
            return p.getName();
          }

          @Override
          public RelDataType getType(RelDataTypeFactory f) {
            SqlTypeName t = p.getOrdinal() == TABLE_ARG ? SqlTypeName.VARCHAR
                : p.getOrdinal() < FROM_MILLIS_ARG ? SqlTypeName.TIMESTAMP : SqlTypeName.BIGINT;
            return f.createTypeWithNullability(f.createSqlType(t), true);
          }

          @Override
          public boolean isOptional() {
            return p.isOptional();
          }
        });
      }
      return out;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f, java.util.List<? extends Object> arguments) {
      return new LogTable(LogHistory.Filter.all()).getRowType(f);
    }

    @Override
    public java.lang.reflect.Type getElementType(java.util.List<? extends Object> arguments) {
      return Object[].class;
    }

    @Override
    public org.apache.calcite.adapter.enumerable.CallImplementor getImplementor() {
      return reflective.getImplementor();
    }
  }

  /** The ordinals of the arguments. */
  public static final int TABLE_ARG = 0;
  public static final int FROM_MILLIS_ARG = 3;
  public static final int TO_MILLIS_ARG = 4;

  /**
   * Called by generated code, and by Calcite for the row type. {@code FROM_MILLIS} and
   * {@code TO_MILLIS} bound the commit time in ms since 1970-01-01T00:00Z, inclusive, together with
   * the TIMESTAMPs; {@link LogFilterPushdown} sets them from a WHERE clause.
   */
  public static ScannableTable log(
      @Parameter(name = "TABLE_NAME", optional = true) String table,
      @Parameter(name = "FROM_TIME", optional = true) Timestamp from,
      @Parameter(name = "TO_TIME", optional = true) Timestamp to,
      @Parameter(name = "FROM_MILLIS", optional = true) Long fromMillis,
      @Parameter(name = "TO_MILLIS", optional = true) Long toMillis) {
    String schema = null;
    String name = table;
    if (table != null && table.indexOf('.') > 0) {
      schema = table.substring(0, table.indexOf('.'));
      name = table.substring(table.indexOf('.') + 1);
    }
    long lo = Math.max(millis(from, Long.MIN_VALUE), fromMillis == null ? Long.MIN_VALUE : fromMillis);
    long hi = Math.min(millis(to, Long.MAX_VALUE), toMillis == null ? Long.MAX_VALUE : toMillis);
    return new LogTable(new LogHistory.Filter(schema, name, lo, hi));
  }

  /** Whether {@code f} is this function. */
  public static boolean is(Function f) {
    return f instanceof SqlTypedFunction;
  }

  private static long millis(Timestamp t, long none) {
    return t == null ? none : t.toLocalDateTime().atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
  }

  /** The rows of one call. */
  static final class LogTable extends AbstractTable implements ScannableTable {
    private final LogHistory.Filter filter;

    LogTable(LogHistory.Filter filter) {
      this.filter = filter;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      RelDataType text = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true);
      RelDataType bigint = f.createSqlType(SqlTypeName.BIGINT);
      return f.builder()
          .add("COMMIT_TIME", f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3))
          .add("TRANSACTION_ID", bigint)
          .add("CHANGE_NO", f.createSqlType(SqlTypeName.INTEGER))
          .add("OPERATION", f.createSqlType(SqlTypeName.VARCHAR))
          .add("TABLE_SCHEMA", text)
          .add("TABLE_NAME", text)
          .add("ROW_ID", f.createTypeWithNullability(bigint, true))
          .add("ROW_KEY", text)
          .add("ROW_VALUES", text)
          .add("VALUE_TYPES", text)
          .add("LOG_GENERATION", bigint)
          .add("LOG_OFFSET", bigint)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      Transaction txn = VslDataContext.transaction(root);
      AtomicBoolean cancel = VslDataContext.cancelFlag(root);
      long visible = txn.snapshot();
      return new AbstractEnumerable<>() {
        @Override
        public Enumerator<Object[]> enumerator() {
          return new Rows(txn, filter, visible, cancel);
        }
      };
    }
  }

  /** Reads the history on demand; closing the result closes the log file. */
  private static final class Rows implements Enumerator<Object[]> {
    private final Transaction txn;
    private final LogHistory.Filter filter;
    private final long visible;
    private final AtomicBoolean cancel;
    private LogHistory history;
    private Object[] current;

    Rows(Transaction txn, LogHistory.Filter filter, long visible, AtomicBoolean cancel) {
      this.txn = txn;
      this.filter = filter;
      this.visible = visible;
      this.cancel = cancel;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (cancel != null && cancel.get()) {
        throw new VslDataContext.CancelledException();
      }
      try {
        if (history == null) {
          history = txn.store().history(filter);
        }
        LogHistory.Entry e = history.next();
        if (e == null || e.commitTs() > visible) {
          close();
          current = null;
          return false;
        }
        current = LogRows.row(e);
        return true;
      } catch (CorruptionException e) {
        throw new StoreException(StoreException.Reason.CORRUPTION, e.getMessage(), e);
      } catch (IOException e) {
        throw new StoreException(StoreException.Reason.IO_ERROR, "reading the log failed: " + e, e);
      }
    }

    @Override
    public void reset() {
      close();
      current = null;
    }

    @Override
    public void close() {
      if (history != null) {
        try {
          history.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        history = null;
      }
    }
  }
}
