package org.vsldb.sql.copy;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.error.SqlErrors;
import org.vsldb.storage.Progress;
import org.vsldb.storage.Store;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;

/**
 * {@code COPY DATABASE TO 'file'} and {@code COPY DATABASE FROM 'file'} (PRODUCT.md 3.3): the whole
 * database as the text of {@code docs/FORMATS.md}, "The text copy", and back.
 */
public final class DatabaseCopy {
  /** Runs one schema statement of a text copy (CREATE / ALTER), as the session would. */
  @FunctionalInterface
  public interface SchemaStatements {
    void run(String sql) throws SQLException;
  }

  private DatabaseCopy() {}

  /**
   * Writes every schema object and every committed row, as of one snapshot, to {@code file}
   * (replaced only once the whole copy is written). Returns the number of rows.
   */
  public static long write(Store store, Path file, Progress progress) throws SQLException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Transaction txn = store.begin();
    try {
      long rows;
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        rows = new DatabaseTextWriter(w, progress, d -> store.sequenceState(d.schema(), d.name()))
            .write(store.catalog().image(), store.catalog(), txn);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return rows;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the first error is the one to report
      }
      throw ErrorCode.IO_ERROR.exception("cannot write " + file + ": " + e);
    } finally {
      txn.rollback();
    }
  }

  /**
   * Loads a text copy into this database, which must be empty. Schema statements run through
   * {@code schema}; the rows of each INSERT statement are added in one transaction. Returns the
   * number of rows loaded, and reports the bytes read to {@code progress}. A failure names the
   * file, line and column; what loaded before it stays.
   */
  public static long read(Store store, Path file, Progress progress, SchemaStatements schema)
      throws SQLException {
    Catalog catalog = store.catalog();
    if (!catalog.tables().isEmpty() || !catalog.views().isEmpty() || !catalog.sequences().isEmpty()
        || catalog.schemaNames().size() > 1) {
      throw ErrorCode.DATABASE_NOT_EMPTY.exception(
          "COPY DATABASE FROM loads into an empty database only; this one has "
              + catalog.tables().size() + " tables, " + catalog.views().size() + " views, "
              + catalog.sequences().size() + " sequences and "
              + (catalog.schemaNames().size() - 1) + " schemas besides PUBLIC");
    }
    String name = file.getFileName().toString();
    try (CountingInputStream in = new CountingInputStream(Files.newInputStream(file));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      long size = Files.size(file);
      DatabaseTextLexer lex = new DatabaseTextLexer(r, name);
      String first = lex.readLine();
      if (first == null || !first.startsWith(DatabaseText.FIRST_LINE_PREFIX)) {
        throw ErrorCode.COPY_FILE_ERROR.exception(name, 1, 1,
            "not a vsl database copy (the first line must be '" + DatabaseText.FIRST_LINE + "')");
      }
      if (!first.equals(DatabaseText.FIRST_LINE)) {
        throw ErrorCode.COPY_FILE_ERROR.exception(name, 1, 1, "format '"
            + first.substring(DatabaseText.FIRST_LINE_PREFIX.length()) + "' is not format "
            + DatabaseText.VERSION + ", the one this version of vsl reads");
      }
      long rows = 0;
      while (lex.skipBlank()) {
        int line = lex.line();
        progress.report(in.count(), size);
        if (lex.atWord("INSERT")) {
          rows += insert(store, lex);
        } else {
          String sql = lex.statement();
          try {
            schema.run(sql);
          } catch (SQLException e) {
            throw lex.at(line, 1, e);
          }
        }
      }
      progress.report(size, size);
      return rows;
    } catch (NoSuchFileException e) {
      throw ErrorCode.IO_ERROR.exception("cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw ErrorCode.IO_ERROR.exception("cannot read " + file + ": " + e);
    }
  }

  /** The bytes read so far, for progress. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(java.io.InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }
  }

  /** {@code INSERT INTO schema.table (columns) VALUES (...), ...;} in one transaction. */
  private static long insert(Store store, DatabaseTextLexer lex) throws IOException, SQLException {
    lex.expectWord("INSERT");
    lex.expectWord("INTO");
    int line = lex.line();
    String first = lex.identifier();
    String schemaName = Catalog.DEFAULT_SCHEMA;
    String tableName = first;
    if (lex.accept('.')) {
      schemaName = first;
      tableName = lex.identifier();
    }
    Table table = store.catalog().table(schemaName, tableName);
    if (table == null) {
      throw lex.at(line, 1, ErrorCode.TABLE_NOT_FOUND.exception(schemaName + "." + tableName, ""));
    }
    List<ColumnDef> defs = table.def().columns();
    List<Integer> positions = new ArrayList<>();
    lex.expect('(');
    do {
      String c = lex.identifier();
      int p = table.def().columnIndex(c);
      if (p < 0) {
        throw lex.error("column " + c + " not found in " + tableName);
      }
      positions.add(p);
    } while (lex.accept(','));
    lex.expect(')');
    lex.expectWord("VALUES");
    Transaction txn = store.begin();
    long rows = 0;
    try {
      do {
        int rowLine = lex.line();
        lex.expect('(');
        Object[] values = new Object[defs.size()];
        for (int i = 0; i < positions.size(); i++) {
          if (i > 0) {
            lex.expect(',');
          }
          int p = positions.get(i);
          values[p] = lex.literal(defs.get(p), tableName);
        }
        lex.expect(')');
        try {
          txn.insert(table, values);
        } catch (RuntimeException e) {
          throw lex.at(rowLine, 1, SqlErrors.translate(e));
        }
        rows++;
      } while (lex.accept(','));
      lex.expect(';');
      txn.commit();
      return rows;
    } catch (RuntimeException e) {
      txn.rollback();
      throw lex.at(lex.line(), 1, SqlErrors.translate(e));
    } catch (SQLException | IOException e) {
      txn.rollback();
      throw e;
    }
  }
}
