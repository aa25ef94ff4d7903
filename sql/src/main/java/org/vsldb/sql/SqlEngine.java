package org.vsldb.sql;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.error.SqlErrors;
import org.vsldb.sql.exec.Command;
import org.vsldb.sql.exec.Session;
import org.vsldb.sql.parser.SqlTransactionControl;
import org.vsldb.sql.plan.AdHocDigest;
import org.vsldb.sql.plan.CompiledQuery;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.sql.schema.StoreSchema;
import org.vsldb.sql.schema.StoreTable;
import org.vsldb.sql.type.VslTypeSystem;
import org.vsldb.storage.Store;
import org.vsldb.storage.table.Catalog;

/**
 * The SQL layer's entry point for one open database: it turns SQL text into {@link Command}s
 * (through Calcite, with a plan cache shared by every connection) and opens {@link Session}s that
 * run them.
 */
public final class SqlEngine implements AutoCloseable {
  private static final int PLAN_CACHE_SIZE = 512;

  private final Store store;
  /** Runs before this engine first touches Calcite (see {@link #planner()}). */
  private final Runnable beforeCalcite;
  /** Made on first use: connecting does not initialise Calcite. */
  private volatile StatementPlanner planner;
  private final Map<String, Command> planCache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Command> eldest) {
          return size() > PLAN_CACHE_SIZE;
        }
      };
  /** Ad-hoc plans by schema and digest key; a null command means "plan from the text". */
  private final Map<String, DigestPlan> digestCache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DigestPlan> eldest) {
          return size() > PLAN_CACHE_SIZE;
        }
      };

  /** The plan of a digest (null when its text must be planned each time), for one catalog version. */
  private record DigestPlan(Command command, long version) {}

  /**
   * An ad-hoc statement ready to run: a command and the values of its parameters, which are the
   * statement's literals when the command is the plan of its {@link AdHocDigest}, else null.
   */
  public record AdHoc(Command command, Object[] parameters) {}

  public SqlEngine(Store store) {
    this(store, () -> {});
  }

  /**
   * An engine whose planner is made when a statement, or a metadata call that needs Calcite,
   * first asks for it, after {@code beforeCalcite} ran: opening a connection initialises none of
   * Calcite (the shell's planner preload may still be running then; see the driver's
   * {@code PlannerPreload}).
   */
  public SqlEngine(Store store, Runnable beforeCalcite) {
    this.store = store;
    this.beforeCalcite = beforeCalcite;
  }

  public Store store() {
    return store;
  }

  /**
   * The store's catalog once it is loaded: a file database's tables load after its open
   * (docs/RECOVERY.md, "Checked at open, loaded after"), so this waits for them, and a load that
   * failed is this call's {@code XX000}. Once it returned, the catalog's methods do not throw.
   */
  public org.vsldb.storage.table.Catalog catalog() throws SQLException {
    org.vsldb.storage.table.Catalog c = store.catalog();
    try {
      c.version();
    } catch (org.vsldb.storage.StoreException e) {
      throw SqlErrors.store(e);
    }
    return c;
  }

  /** Whether the planner has been made (for tests: connecting must not make it). */
  boolean hasPlanner() {
    return planner != null;
  }

  /** The planner, made on first use (after {@code beforeCalcite}). */
  StatementPlanner planner() {
    StatementPlanner p = planner;
    if (p == null) {
      synchronized (this) {
        p = planner;
        if (p == null) {
          beforeCalcite.run();
          JavaTypeFactory typeFactory = new org.vsldb.sql.type.VslTypeFactory();
          StatementPlanner[] self = new StatementPlanner[1];
          CalciteSchema root = CalciteSchema.createRootSchema(false, false, "",
              new org.vsldb.sql.schema.StoreRootSchema(store.catalog(), (sql, schema) -> self[0].viewRowType(sql, schema)));
          p = new StatementPlanner(root, typeFactory);
          self[0] = p;
          planner = p;
        }
      }
    }
    return p;
  }

  /** The keywords of vsl's SQL that SQL:2003 does not have, comma-separated, in JDBC's form. */
  public String jdbcKeywords() {
    return planner().jdbcKeywords();
  }

  /** The names of the tables of {@code INFORMATION_SCHEMA}, sorted. */
  public List<String> systemTableNames() {
    org.apache.calcite.schema.SchemaPlus info =
        planner().rootSchema().getSubSchema(org.vsldb.sql.schema.InformationSchema.NAME);
    return info == null ? List.of() : info.getTableNames().stream().sorted().toList();
  }

  /**
   * The columns of the view or {@code INFORMATION_SCHEMA} table {@code schema.name}, as a query
   * of all its columns would return them.
   *
   * @throws SQLException if the relation does not exist or its query no longer validates
   */
  public List<ColumnMeta> describe(String schema, String name) throws SQLException {
    String sql = "SELECT * FROM " + quote(schema) + "." + quote(name);
    Command c = prepare(sql, schema);
    return c instanceof Command.Query q ? q.columns() : List.of();
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** A new session (one per connection). */
  public Session openSession() {
    return new Session(store, this::planner);
  }

  private static final Command EMPTY = new Command.Empty();

  /**
   * Prepares one statement for {@code schema}, from the plan cache when the same text was
   * prepared before and no schema object changed since.
   */
  public Command prepare(String sql, String schema) throws SQLException {
    String key = schema + '\u0000' + sql;
    long version = catalog().version();
    synchronized (planCache) {
      Command cached = planCache.get(key);
      if (cached != null && !cached.isStale(version)) {
        return cached;
      }
    }
    if (org.vsldb.sql.plan.StatementText.end(sql) == 0) {
      return EMPTY; // checked after the cache, which a planned statement's text hits
    }
    Command command;
    try {
      command = plan(planner().parse(sql), schema, version, null);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
    if (!(command instanceof Command.Ddl)) {
      synchronized (planCache) {
        planCache.put(key, command);
      }
    }
    return command;
  }

  /**
   * Prepares an ad-hoc statement (a {@code Statement}'s SQL text, run once). When the text has
   * literals an {@link AdHocDigest} replaces, the statement shares the plan of every statement
   * with the same digest, compiled once from the digest's text with those literals as
   * parameters; a hit costs one pass of the digest's lexer and no Calcite call. Otherwise, or when
   * the digest's plan could treat a literal differently (see {@code LiteralParameters}), it is
   * prepared from its own text, as {@link #prepare} does.
   */
  public AdHoc prepareAdHoc(String sql, String schema) throws SQLException {
    AdHocDigest digest = AdHocDigest.of(sql);
    if (digest == null) {
      return new AdHoc(prepare(sql, schema), null);
    }
    String key = schema + '\u0000' + digest.key();
    long version = catalog().version();
    DigestPlan cached;
    synchronized (digestCache) {
      cached = digestCache.get(key);
    }
    if (cached == null || cached.version() != version) {
      cached = new DigestPlan(planDigest(digest, schema, version), version);
      synchronized (digestCache) {
        digestCache.put(key, cached);
      }
    }
    return cached.command() == null
        ? new AdHoc(prepare(sql, schema), null)
        : new AdHoc(cached.command(), digest.values());
  }

  /** How many digests currently have a shared plan (the others are planned from their text). */
  public int sharedAdHocPlans() {
    synchronized (digestCache) {
      return (int) digestCache.values().stream().filter(p -> p.command() != null).count();
    }
  }

  /**
   * The plan of a digest's text, or null when the statement must be planned from its own text:
   * anything the digest's text cannot do (it fails to parse or validate, or a parameter is not
   * a compared literal), the statement's own text decides, errors included.
   */
  private Command planDigest(AdHocDigest digest, String schema, long version) {
    try {
      Command command = plan(planner().parse(digest.text()), schema, version, digest);
      return command instanceof Command.Query || command instanceof Command.Dml ? command : null;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable planFromText) {
      return null;
    }
  }

  /** Splits a script into its statements' SQL texts. */
  public List<SqlNode> parseScript(String sql) throws SQLException {
    try {
      return planner().parseList(sql);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  /**
   * Plans a parsed statement. With a {@code digest}, the statement is the digest's text, and the
   * result is null unless it is a query or DML statement whose parameters are compared literals.
   */
  private Command plan(SqlNode node, String schema, long version, AdHocDigest digest) throws Exception {
    if (digest != null && !node.getKind().belongsTo(SqlKind.QUERY)
        && node.getKind() != SqlKind.UPDATE && node.getKind() != SqlKind.DELETE) {
      return null;
    }
    if (node instanceof org.vsldb.sql.parser.SqlShow show) {
      node = planner().parse(show.query(schema));
    }
    if (node instanceof org.vsldb.sql.parser.SqlSetSchema set) {
      return new Command.SetSchema(set.schema());
    }
    if (node instanceof org.vsldb.sql.parser.SqlUnsupportedStatement unsupported) {
      throw ErrorCode.unsupported(unsupported.feature());
    }
    if (node instanceof org.vsldb.sql.parser.SqlCreateUnsupported unsupported) {
      throw ErrorCode.unsupported(unsupported.feature());
    }
    if (node instanceof org.vsldb.sql.parser.SqlMergeKey mergeKey) {
      node = Merges.toMerge(mergeKey, store.catalog(), schema);
    }
    if (node instanceof org.vsldb.sql.parser.SqlCheckpoint) {
      return new Command.Checkpoint();
    }
    if (node instanceof org.vsldb.sql.parser.SqlTruncateRestartIdentity t) {
      return new Command.TruncateRestartIdentity((Command.Dml) plan(t.delete, schema, version, null));
    }
    if (node instanceof org.vsldb.sql.parser.SqlCopy copy && copy.database) {
      return new Command.CopyDatabase(copy.to, copy.file);
    }
    if (node instanceof org.vsldb.sql.parser.SqlCopy copy) {
      if (copy.database) {
        throw ErrorCode.unsupported("COPY DATABASE");
      }
      return new Command.Copy(org.vsldb.sql.copy.CopyPlanner.plan(
          copy, planner(), store.catalog(), schema, sql -> prepare(sql, schema)), version);
    }
    if (node instanceof org.vsldb.sql.parser.SqlShutdown) {
      return new Command.Shutdown();
    }
    if (node instanceof SqlTransactionControl tc) {
      return new Command.TransactionControl(tc.isCommit());
    }
    if (node.getKind().belongsTo(SqlKind.DDL)) {
      return new Command.Ddl(node);
    }
    if (node instanceof SqlExplain explain) {
      SqlNode explicandum = explain.getExplicandum();
      if (explicandum.getKind().belongsTo(SqlKind.DDL)) {
        throw ErrorCode.unsupported("EXPLAIN of DDL");
      }
      SqlValidator validator = planner().newValidator(schema);
      SqlNode validated = validator.validate(explicandum);
      RelRoot root = planner().toRel(validated, validator, schema);
      if (root.rel instanceof TableModify modify) {
        root = RelRoot.of(modify.getInput(), SqlKind.SELECT);
      }
      CompiledQuery q =
          planner().compile(
              root, root.validatedRowType, null, validator.getParameterRowType(validated), true);
      return new Command.Explain(q.plan(), version);
    }
    if (node instanceof org.vsldb.sql.parser.SqlForUpdate forUpdate) {
      Command.Query query = (Command.Query) plan(forUpdate.query(), schema, version, null);
      return LockingQueries.plan(planner(), forUpdate, query, schema);
    }
    SqlKind kind = node.getKind();
    if (kind == SqlKind.INSERT || kind == SqlKind.UPDATE || kind == SqlKind.DELETE || kind == SqlKind.MERGE) {
      Command.MergeClauses merge = null;
      if (node instanceof org.apache.calcite.sql.SqlMerge m) {
        merge = new Command.MergeClauses(m.getUpdateCall() != null, m.getInsertCall() != null);
        node = Merges.withMatchedRows(m, store.catalog(), schema);
      }
      SqlValidator validator = validator(schema, digest);
      SqlNode validated = validator.validate(node);
      if (digest != null && !StatementPlanner.literalsCompared(validated, validator, digest)) {
        return null;
      }
      RelRoot root = planner().toRel(validated, validator, schema);
      TableModify modify = (TableModify) root.rel;
      StoreTable targetTable = modify.getTable().unwrap(StoreTable.class);
      if (targetTable != null) {
        org.vsldb.sql.plan.DmlInputs.checkLiteralLengths(validated, targetTable.table());
      }
      StoreTable target = modify.getTable().unwrap(StoreTable.class);
      if (target == null) {
        throw ErrorCode.unsupported(kind + " into " + modify.getTable().getQualifiedName());
      }
      int[] updateColumns = new int[0];
      if (kind == SqlKind.MERGE) {
        if (!target.table().def().checks().isEmpty()) {
          throw ErrorCode.unsupported("MERGE into a table with CHECK constraints");
        }
        if (target.table().def().identityColumn() >= 0
            && target.table().def().columns().get(target.table().def().identityColumn()).identity().always()) {
          throw ErrorCode.unsupported("MERGE into a table with a GENERATED ALWAYS identity column");
        }
      }
      if (kind == SqlKind.UPDATE || kind == SqlKind.MERGE) {
        List<String> names = modify.getUpdateColumnList() == null ? List.of() : modify.getUpdateColumnList();
        updateColumns = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
          updateColumns[i] = target.table().def().columnIndex(names.get(i));
        }
      }
      if (kind == SqlKind.INSERT || kind == SqlKind.UPDATE) {
        org.vsldb.sql.plan.GeneratedColumns.check(validated, target.table());
      }
      RelNode widened = org.vsldb.sql.plan.DmlInputs.widenStringCasts(modify.getInput());
      if (kind == SqlKind.INSERT || kind == SqlKind.UPDATE) {
        try {
          widened = org.vsldb.sql.plan.CheckColumns.append(planner(), widened, target.table(), kind, updateColumns);
        } catch (SQLException e) {
          throw e;
        } catch (Exception e) {
          throw SqlErrors.translate(e);
        }
      }
      RelRoot input = RelRoot.of(widened, SqlKind.SELECT);
      CompiledQuery q =
          planner().compile(
              input, input.validatedRowType, null, validator.getParameterRowType(validated));
      return new Command.Dml(kind, target.table(), q, updateColumns, version, merge);
    }
    if (kind.belongsTo(SqlKind.QUERY)) {
      SqlValidator validator = validator(schema, digest);
      SqlNode validated = validator.validate(node);
      if (digest != null && !StatementPlanner.literalsCompared(validated, validator, digest)) {
        return null;
      }
      RelRoot root = planner().toRel(validated, validator, schema);
      CompiledQuery q =
          planner().compile(
              root,
              root.validatedRowType,
              validator.getFieldOrigins(validated),
              validator.getParameterRowType(validated));
      return new Command.Query(q, version);
    }
    throw ErrorCode.unsupported(kind.toString().replace('_', ' ') + " statements");
  }

  private SqlValidator validator(String schema, AdHocDigest digest) {
    return digest == null ? planner().newValidator(schema) : planner().newValidator(schema, digest);
  }

  @Override
  public void close() {
    store.close();
  }
}
