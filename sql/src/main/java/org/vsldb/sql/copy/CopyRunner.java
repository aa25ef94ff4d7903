package org.vsldb.sql.copy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.error.SqlErrors;
import org.vsldb.sql.exec.VslDataContext;
import org.vsldb.sql.type.BinaryValues;
import org.vsldb.sql.type.TypeMapping;
import org.vsldb.sql.type.Values;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Runs a {@link CopyPlan}: COPY TO streams rows into the file, COPY FROM adds the file's rows to
 * the session's transaction. Either returns its row count. A bad record fails the statement with
 * its file and line; the session then undoes every row the statement added.
 */
public final class CopyRunner {
  private static final int CANCEL_CHECK_ROWS = 1024;

  private CopyRunner() {}

  /** Runs {@code plan}; the count of rows written to, or loaded from, the file. */
  public static long run(CopyPlan plan, CopyContext ctx) throws SQLException {
    Path path = ctx.files().resolve(plan.file());
    if (plan instanceof CopyPlan.TableToFile t) {
      return writeTable(t, path, ctx);
    }
    if (plan instanceof CopyPlan.QueryToFile q) {
      return writeQuery(q, path, ctx);
    }
    return load((CopyPlan.FileToTable) plan, path, ctx);
  }

  private static long writeTable(CopyPlan.TableToFile plan, Path path, CopyContext ctx) throws SQLException {
    TableDef def = plan.table().def();
    int[] columns = plan.columns();
    List<String> names = new ArrayList<>();
    SqlTypeName[] types = new SqlTypeName[columns.length];
    for (int i = 0; i < columns.length; i++) {
      ColumnDef c = def.columns().get(columns[i]);
      names.add(c.name());
      types[i] = TypeMapping.sqlTypeName(c.type());
    }
    Iterator<Object[]> rows = ctx.transaction().scan(plan.table());
    return write(plan, path, names, types, columns, new Rows() {
      @Override
      public Object[] next() {
        return rows.hasNext() ? rows.next() : null;
      }
    }, ctx);
  }

  private static long writeQuery(CopyPlan.QueryToFile plan, Path path, CopyContext ctx) throws SQLException {
    int[] columns = new int[plan.types().size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = i;
    }
    boolean scalar = plan.query().scalarRows();
    Enumerator<Object> e = ctx.run(plan.query(), new Object[0]);
    try {
      return write(plan, path, plan.names(), plan.types().toArray(new SqlTypeName[0]), columns, () -> {
        if (!e.moveNext()) {
          return null;
        }
        Object r = e.current();
        return scalar ? new Object[] {r} : (Object[]) r;
      }, ctx);
    } finally {
      e.close();
    }
  }

  /** Rows to write; null at the end. */
  private interface Rows {
    Object[] next();
  }

  private static long write(CopyPlan plan, Path path, List<String> names, SqlTypeName[] types,
      int[] columns, Rows rows, CopyContext ctx) throws SQLException {
    long count = 0;
    try (Writer w = new OutputStreamWriter(
        new BufferedOutputStream(Files.newOutputStream(path), 1 << 16),
        plan.options().charset().newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      FileWriterSink out = FileWriterSink.of(w, plan.options());
      if (plan.options().header()) {
        out.header(names);
      }
      for (Object[] row = rows.next(); row != null; row = rows.next()) {
        for (int i = 0; i < columns.length; i++) {
          Object v = row[columns[i]];
          out.field(v == null ? null : ValueText.format(v, types[i]));
        }
        out.endLine();
        if (++count % CANCEL_CHECK_ROWS == 0) {
          if (ctx.cancelFlag().get()) {
            throw new VslDataContext.CancelledException();
          }
          ctx.progress().report(count, -1);
        }
      }
      out.flush();
    } catch (CharacterCodingException e) {
      // Text is encoded a block at a time, so the row is the one being written or one before it.
      throw ErrorCode.UNTRANSLATABLE_CHARACTER.exception(
          e, "'" + plan.file() + "'", count + 1, plan.options().charset().name());
    } catch (IOException e) {
      throw ErrorCode.IO_ERROR.exception(e, "Cannot write file '" + plan.file() + "' (" + path + "): " + e);
    }
    return count;
  }

  private static long load(CopyPlan.FileToTable plan, Path path, CopyContext ctx) throws SQLException {
    Table table = plan.table();
    TableDef def = table.def();
    int[] columns = plan.columns();
    ColumnDef[] cols = new ColumnDef[columns.length];
    SqlTypeName[] types = new SqlTypeName[columns.length];
    for (int i = 0; i < columns.length; i++) {
      cols[i] = def.columns().get(columns[i]);
      types[i] = TypeMapping.sqlTypeName(cols[i].type());
    }
    Inserter inserter = plan.insert() == null
        ? new Inserter.Direct(ctx.transaction(), table, columns)
        : new Inserter.Planned(ctx, plan.insert(), table, columns);
    Reader reader;
    try {
      reader = new InputStreamReader(new BufferedInputStream(Files.newInputStream(path), 1 << 16),
          plan.options().charset().newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT));
    } catch (NoSuchFileException e) {
      throw ErrorCode.IO_ERROR.exception(e, "File '" + plan.file() + "' (" + path + ") does not exist");
    } catch (IOException e) {
      throw ErrorCode.IO_ERROR.exception(e, "Cannot read file '" + plan.file() + "' (" + path + "): " + e);
    }
    long count = 0;
    FileReaderSource in = FileReaderSource.of(reader, plan.file(), plan.options());
    try (reader) {
      boolean header = plan.options().header();
      Object[] values = new Object[columns.length];
      for (String[] fields = in.next(); fields != null; fields = in.next()) {
        if (header) {
          header = false;
          continue;
        }
        if (fields.length != columns.length) {
          throw in.bad("expected " + columns.length + " field" + (columns.length == 1 ? "" : "s")
              + ", found " + fields.length);
        }
        int i = 0;
        try {
          for (; i < columns.length; i++) {
            values[i] = fields[i] == null ? null : ValueText.parse(fields[i], types[i]);
          }
          i = -1;
          inserter.insert(values);
        } catch (SQLException e) {
          throw ErrorCode.located(e, (i >= 0 ? "column " + cols[i].name() + ", " : "") + where(plan, in));
        } catch (VslDataContext.CancelledException e) {
          throw e;
        } catch (RuntimeException e) {
          throw ErrorCode.located(SqlErrors.translate(e), where(plan, in));
        }
        if (++count % CANCEL_CHECK_ROWS == 0) {
          if (ctx.cancelFlag().get()) {
            throw new VslDataContext.CancelledException();
          }
          ctx.progress().report(count, -1);
        }
      }
    } catch (CharacterCodingException e) {
      throw ErrorCode.BAD_COPY_FILE.exception(e, "'" + plan.file() + "'", in.line,
          "the bytes are not valid " + plan.options().charset().name() + " (" + e + ")");
    } catch (IOException e) {
      throw ErrorCode.IO_ERROR.exception(e, "Cannot read file '" + plan.file() + "' (" + path + "): " + e);
    }
    return count;
  }

  private static String where(CopyPlan plan, FileReaderSource in) {
    return "line " + in.recordLine + " of file '" + plan.file() + "'";
  }

  /** Puts one record's values (in the file's column order) into the table. */
  private sealed interface Inserter {
    void insert(Object[] values) throws SQLException;

    /** Straight into the store: no CHECK constraints and no DEFAULTs to compute. */
    record Direct(Transaction txn, Table table, int[] columns) implements Inserter {
      @Override
      public void insert(Object[] values) throws SQLException {
        TableDef def = table.def();
        List<ColumnDef> cols = def.columns();
        Object[] row = new Object[cols.size()];
        for (int i = 0; i < columns.length; i++) {
          row[columns[i]] = values[i];
        }
        int identity = def.identityColumn();
        if (identity >= 0 && row[identity] == null) {
          row[identity] = table.nextIdentity(); // a left-out or NULL identity value is generated
        }
        for (int c = 0; c < row.length; c++) {
          if (row[c] != null) {
            row[c] = Values.forColumn(row[c], cols.get(c), def.name());
          }
        }
        txn.insert(table, row);
      }
    }

    /** Through the plan of an INSERT, which computes DEFAULTs and CHECK results. */
    record Planned(CopyContext ctx, org.vsldb.sql.exec.Command.Dml insert, Table table, int[] columns)
        implements Inserter {
      @Override
      public void insert(Object[] values) throws SQLException {
        int identity = table.def().identityColumn();
        boolean always = identity >= 0 && table.def().columns().get(identity).identity().always();
        Object[] params = new Object[insert.input().parameterTypes().size()];
        Object alwaysValue = null;
        int p = 0;
        for (int i = 0; i < columns.length; i++) {
          if (always && columns[i] == identity) {
            alwaysValue = values[i];
          } else if (p < params.length) {
            params[p++] = BinaryValues.toRuntime(values[i]);
          }
        }
        Enumerator<Object> e = ctx.run(insert.input(), params);
        try {
          while (e.moveNext()) {
            Object r = e.current();
            Object[] row = insert.input().scalarRows() ? new Object[] {r} : ((Object[]) r).clone();
            if (alwaysValue != null) {
              row[identity] = alwaysValue;
            }
            ctx.apply(insert, row);
          }
        } finally {
          e.close();
        }
      }
    }
  }
}
