package org.vsldb.sql.exec;

import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.vsldb.storage.Transaction;

/**
 * What a compiled plan reads at run time: the transaction whose view the tables scan, the
 * parameter values (as {@code "?0"}, {@code "?1"}, …), the values the code generator stashed,
 * the statement's time, and the cancel flag.
 */
public final class VslDataContext implements DataContext {
  /** Thrown by a scan that notices its statement was cancelled. */
  public static final class CancelledException extends RuntimeException {
    public CancelledException() {
      super("statement cancelled");
    }
  }

  private static final String TXN = "vsl.txn";
  private static final String SEQUENCES = "vsl.sequences";

  private final SchemaPlus rootSchema;
  private final JavaTypeFactory typeFactory;
  private final Transaction txn;
  private final Object[] params;
  private final java.util.Map<String, Object> stash;
  private final AtomicBoolean cancel;
  /** The last value NEXT VALUE FOR gave per sequence ("schema.name"), for CURRENT VALUE FOR. */
  private final java.util.Map<String, Long> sequenceValues;
  private final long utcMillis = System.currentTimeMillis();
  /** The JVM's default zone, read when the statement first needs it (getDefault() copies it). */
  private TimeZone timeZone;

  private TimeZone timeZone() {
    TimeZone z = timeZone;
    if (z == null) {
      z = TimeZone.getDefault();
      timeZone = z;
    }
    return z;
  }

  public VslDataContext(
      SchemaPlus rootSchema,
      JavaTypeFactory typeFactory,
      Transaction txn,
      Object[] params,
      java.util.Map<String, Object> stash,
      AtomicBoolean cancel) {
    this(rootSchema, typeFactory, txn, params, stash, cancel, new java.util.concurrent.ConcurrentHashMap<>());
  }

  /** As the other constructor, with the session's last sequence values (CURRENT VALUE FOR). */
  public VslDataContext(
      SchemaPlus rootSchema,
      JavaTypeFactory typeFactory,
      Transaction txn,
      Object[] params,
      java.util.Map<String, Object> stash,
      AtomicBoolean cancel,
      java.util.Map<String, Long> sequenceValues) {
    this.rootSchema = rootSchema;
    this.typeFactory = typeFactory;
    this.txn = txn;
    this.params = params;
    this.stash = stash;
    this.cancel = cancel;
    this.sequenceValues = sequenceValues;
  }

  /** The last value NEXT VALUE FOR gave per sequence in the statement's session. */
  @SuppressWarnings("unchecked")
  public static java.util.Map<String, Long> sequenceValues(DataContext root) {
    return (java.util.Map<String, Long>) root.get(SEQUENCES);
  }

  /** The transaction a plan runs in. */
  public static Transaction transaction(DataContext root) {
    return (Transaction) root.get(TXN);
  }

  /** The cancel flag of the running statement, or null. */
  public static AtomicBoolean cancelFlag(DataContext root) {
    return (AtomicBoolean) root.get(Variable.CANCEL_FLAG.camelName);
  }

  @Override
  public SchemaPlus getRootSchema() {
    return rootSchema;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return typeFactory;
  }

  @Override
  public QueryProvider getQueryProvider() {
    return null;
  }

  @Override
  public Object get(String name) {
    if (name.length() > 1 && name.charAt(0) == '?') {
      int i = Integer.parseInt(name, 1, name.length(), 10);
      return i < params.length ? params[i] : null;
    }
    Object stashed = stash.get(name);
    if (stashed != null) {
      return stashed;
    }
    if (name.equals(TXN)) {
      return txn;
    }
    if (name.equals(SEQUENCES)) {
      return sequenceValues;
    }
    if (name.equals(Variable.CANCEL_FLAG.camelName)) {
      return cancel;
    }
    if (name.equals(Variable.UTC_TIMESTAMP.camelName)) {
      return utcMillis;
    }
    if (name.equals(Variable.CURRENT_TIMESTAMP.camelName)
        || name.equals(Variable.SYS_TIMESTAMP.camelName)) {
      return utcMillis + timeZone().getOffset(utcMillis);
    }
    if (name.equals(Variable.LOCAL_TIMESTAMP.camelName)) {
      return utcMillis + timeZone().getOffset(utcMillis);
    }
    if (name.equals(Variable.TIME_ZONE.camelName)) {
      return timeZone();
    }
    if (name.equals(Variable.LOCALE.camelName)) {
      // names of days and months (DAYNAME, MONTHNAME, TO_CHAR): English, as H2 gives them
      return java.util.Locale.ENGLISH;
    }
    if (name.equals(Variable.USER.camelName) || name.equals(Variable.SYSTEM_USER.camelName)) {
      return "SA";
    }
    return null;
  }
}
