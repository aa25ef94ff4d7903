package org.vsldb.sql.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.ConvertToChecked;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.parser.impl.VslSqlParserImpl;

/**
 * Calcite's pipeline, used as a library: parse with vsl's grammar, validate, convert to
 * relational algebra, optimize with Volcano into the Enumerable convention, and compile with
 * {@link EnumerableInterpretable#toBindable}. One instance per database; thread-safe, since every
 * call builds its own validator and planner.
 */
public final class StatementPlanner {
  /**
   * Calcite's standard program (sub-queries, decorrelation, field trimming, Volcano, Calc
   * merging), then {@link org.vsldb.sql.rules.KeyJoins} (hash joins on a primary key become key
   * lookups) and {@link org.vsldb.sql.rules.ColumnPruning}, with Volcano's rules taken from the
   * planner at run time and the join ordering of
   * {@link JoinOrder}.
   */
  private static final Program PROGRAM = (planner, rel, traits, materializations, lattices) ->
      Programs.sequence(
              Programs.subQuery(org.apache.calcite.rel.metadata.DefaultRelMetadataProvider.INSTANCE),
              Programs.decorrelate(),
              Programs.trim(),
              JoinOrder.program(List.copyOf(planner.getRules())),
              Programs.calc(org.apache.calcite.rel.metadata.DefaultRelMetadataProvider.INSTANCE),
              (p, r, t, m, l) -> org.vsldb.sql.rules.ColumnPruning.apply(org.vsldb.sql.rules.KeyJoins.apply(r)))
          .run(planner, rel, traits, materializations, lattices);

  /** Every planned statement's metadata queries: {@link org.vsldb.sql.plan.metadata.PrecompiledHandlers}. */
  private static final java.util.function.Supplier<org.apache.calcite.rel.metadata.RelMetadataQuery> METADATA_QUERY =
      () -> new org.apache.calcite.rel.metadata.RelMetadataQuery(
          org.vsldb.sql.plan.metadata.PrecompiledHandlers.INSTANCE);

  private final CalciteSchema rootSchema;
  /** The root schema as {@link SchemaPlus}: a view of {@link #rootSchema}, made once. */
  private final SchemaPlus rootPlus;
  private final JavaTypeFactory typeFactory;
  private final SqlParser.Config parserConfig;
  private final SqlValidator.Config validatorConfig;
  private final CalciteConnectionConfig connectionConfig;

  public StatementPlanner(CalciteSchema rootSchema, JavaTypeFactory typeFactory) {
    this.rootSchema = rootSchema;
    this.rootPlus = rootSchema.plus();
    this.typeFactory = typeFactory;
    this.parserConfig =
        SqlParser.config()
            .withParserFactory(VslSqlParserImpl.FACTORY)
            .withConformance(VslConformance.INSTANCE)
            .withIdentifierMaxLength(256);
    this.validatorConfig =
        SqlValidator.Config.DEFAULT
            .withDefaultNullCollation(NullCollation.LOW)
            .withConformance(VslConformance.INSTANCE)
            .withIdentifierExpansion(true);
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    props.setProperty(CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(), "LOW");
    // vsl has no materialized views: with this on, Volcano would still look for uses of them in
    // every plan (a walk over its tables, through metadata Janino compiles on first use)
    props.setProperty(CalciteConnectionProperty.MATERIALIZATIONS_ENABLED.camelName(), "false");
    this.connectionConfig = new CalciteConnectionConfigImpl(props);
  }

  public JavaTypeFactory typeFactory() {
    return typeFactory;
  }

  public SchemaPlus rootSchema() {
    return rootPlus;
  }

  /**
   * The keywords of vsl's grammar that are not SQL:2003 keywords, comma-separated, as
   * {@link java.sql.DatabaseMetaData#getSQLKeywords()} reports them.
   */
  public String jdbcKeywords() {
    return SqlParser.create("", parserConfig).getMetadata().getJdbcKeywords();
  }

  /**
   * Parses one statement; semicolons, comments and white space after its last token are dropped,
   * as H2 and PostgreSQL drop them ({@link StatementText}).
   */
  public SqlNode parse(String sql) throws SqlParseException {
    int end = StatementText.end(sql);
    if (end > 0 && end < sql.length()) {
      sql = sql.substring(0, end);
    }
    try {
      return rewrite(SqlParser.create(sql, parserConfig).parseStmt());
    } catch (SqlParseException e) {
      String unsupported = org.vsldb.sql.parser.UnsupportedStatements.of(sql);
      if (unsupported != null) {
        throw new UnsupportedOperationException(unsupported, e);
      }
      // Calcite's grammar has no FOR UPDATE: a query that ends with it parses without it
      String query = org.vsldb.sql.parser.SqlForUpdate.split(sql);
      if (query == null) {
        throw e;
      }
      SqlNode q;
      try {
        q = rewrite(SqlParser.create(query, parserConfig).parseStmt());
      } catch (SqlParseException notAQuery) {
        throw e;
      }
      if (!q.getKind().belongsTo(org.apache.calcite.sql.SqlKind.QUERY)) {
        throw e;
      }
      return new org.vsldb.sql.parser.SqlForUpdate(q.getParserPosition(), q, query);
    }
  }

  /** Parses a script of statements separated by semicolons. */
  public List<SqlNode> parseList(String sql) throws SqlParseException {
    List<SqlNode> statements = SqlParser.create(sql, parserConfig).parseStmtList().getList();
    statements.forEach(StatementPlanner::rewrite);
    return statements;
  }

  /** What vsl changes in a parsed statement before validation, as H2 reads the same SQL. */
  private static SqlNode rewrite(SqlNode statement) {
    org.vsldb.sql.parser.SequenceValueOperator.replaceIn(statement); // first: the labels unparse calls
    UnaryPlus.strip(statement);
    TimeZoneTypes.replaceIn(statement);
    SelectLabels.label(statement);
    DatetimeDiffs.countBoundaries(statement);
    return statement;
  }

  /** A fresh validator whose default schema is {@code schema}. */
  public SqlValidator newValidator(String schema) {
    CalciteCatalogReader reader = catalogReader(schema);
    SqlOperatorTable ops = SqlOperatorTables.chain(SqlStdOperatorTable.instance(), LibraryFunctions.TABLE, reader);
    VslValidator validator = new VslValidator(ops, reader, typeFactory, validatorConfig);
    validator.resolveSequencesIn(((org.vsldb.sql.schema.StoreRootSchema) rootSchema.schema).catalog(), schema);
    return validator;
  }

  /**
   * A validator for the text of an ad-hoc statement's digest: each {@code ?} takes the type of
   * the literal it stands for ({@link AdHocDigest#parameterTypes}).
   */
  public SqlValidator newValidator(String schema, AdHocDigest digest) {
    VslValidator validator = (VslValidator) newValidator(schema);
    validator.fixParameterTypes(digest.parameterTypes(typeFactory));
    return validator;
  }

  /**
   * Whether a plan of the validated digest text may serve every statement of the digest: each
   * parameter is compared with an expression of its type family ({@link LiteralParameters}).
   */
  public static boolean literalsCompared(SqlNode validated, SqlValidator validator, AdHocDigest digest) {
    return LiteralParameters.comparedOnly(validated, validator, digest.values().length);
  }

  private CalciteCatalogReader catalogReader(String schema) {
    return new CalciteCatalogReader(rootSchema, List.of(schema), typeFactory, connectionConfig);
  }

  /** Converts a validated statement to relational algebra. */
  public RelRoot toRel(SqlNode validated, SqlValidator validator, String schema) {
    VolcanoPlanner planner = new VolcanoPlanner(null, Contexts.of(connectionConfig));
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    RelOptUtil.registerDefaultRules(planner, false, false);
    // This rule turns COALESCE(SUM(x), 0) into SUM0(x) with a type that VslTypeSystem's wider SUM
    // makes inconsistent (an AssertionError under -ea); the plain plan is as fast here.
    planner.removeRule(org.apache.calcite.rel.rules.CoreRules.PROJECT_AGGREGATE_MERGE);
    // Equi-joins are hash joins. Volcano compares costs by row counts alone, so two sorts and a
    // merge join looked cheaper than a hash join's n log n build term, while the sorts cost far
    // more: Calcite's comparator for a nullable number makes two BigDecimals per comparison
    // (1.5 s against 0.06 s for a 200,000 x 200,000 join). Joins without equi-keys stay nested loops.
    planner.removeRule(org.apache.calcite.adapter.enumerable.EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);
    org.vsldb.sql.rules.StoreRules.ALL.forEach(planner::addRule);
    org.vsldb.sql.rules.GroupedSemiJoinRules.REPLACED.forEach(planner::removeRule);
    org.vsldb.sql.rules.GroupedSemiJoinRules.ALL.forEach(planner::addRule);
    // Constants fold in the session's time zone, as the running statement computes them
    // (TIMESTAMP to TIMESTAMP WITH LOCAL TIME ZONE, for one).
    planner.setExecutor(new RexExecutorImpl(org.apache.calcite.DataContexts.of(java.util.Map.of(
        org.apache.calcite.DataContext.Variable.TIME_ZONE.camelName, java.util.TimeZone.getDefault()))));
    RexBuilder rexBuilder = new RexBuilder(typeFactory);
    RelOptCluster cluster = RelOptCluster.create(planner, rexBuilder);
    // metadata through handlers compiled with vsl, not by Janino at run time
    cluster.setMetadataQuerySupplier(METADATA_QUERY);
    SqlToRelConverter.Config config =
        SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false);
    if (validated.getKind() == org.apache.calcite.sql.SqlKind.MERGE) {
      // Calcite's MERGE conversion takes the INSERT's values from the project under the one it
      // built for the INSERT, as expressions over the join of source and target; a project the
      // builder merged into the source's own (a source query such as SELECT id + 10 AS id ...)
      // would have them over the source's input instead, and apply id + 10 twice. Unmerged, the
      // project under is the INSERT's values, over the source's columns.
      config = config.withRelBuilderConfigTransform(c -> c.withBloat(-1));
    }
    SqlToRelConverter converter =
        new SqlToRelConverter(
            new ViewExpander(cluster, config),
            validator,
            catalogReader(schema),
            cluster,
            StatementConvertlets.of(schema),
            config);
    RelRoot root = converter.convertQuery(validated, false, true);
    root = root.withRel(converter.flattenTypes(root.rel, true));
    // Integer arithmetic raises 22003 on overflow, as in H2 (Calcite's default wraps).
    root = root.withRel(root.rel.accept(new ConvertToChecked(rexBuilder, true)));
    root = root.withRel(root.rel.accept(new LocalTimeZoneCasts(rexBuilder)));
    // CHAR(n) compares without trailing spaces, as in H2 (Calcite compares the padded strings).
    root = root.withRel(root.rel.accept(new CharComparisons(rexBuilder)));
    // UUIDs: text read by H2's rule, compared as UUIDs, ordered by their bytes, as in H2.
    root = root.withRel(root.rel.accept(new UuidRewrite(rexBuilder)));
    root = UuidRewrite.orderedByText(root);
    // SUM(BIGINT) is a DECIMAL, as in H2 (Calcite's code cannot add a long into one).
    root = root.withRel(root.rel.accept(new DecimalAggregates(rexBuilder)));
    // A WHERE on VSL_LOG's result also filters while the log is read.
    root = root.withRel(root.rel.accept(new org.vsldb.sql.history.LogFilterPushdown(rexBuilder)));
    return root;
  }

  /** Expands a view where a query uses it: its SQL is parsed, validated and converted in place. */
  private final class ViewExpander implements org.apache.calcite.plan.RelOptTable.ViewExpander {
    private final RelOptCluster cluster;
    private final SqlToRelConverter.Config config;

    ViewExpander(RelOptCluster cluster, SqlToRelConverter.Config config) {
      this.cluster = cluster;
      this.config = config;
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
        List<String> viewPath) {
      String schema = schemaPath.isEmpty() ? "PUBLIC" : schemaPath.get(0);
      SqlNode parsed;
      try {
        parsed = parse(queryString);
      } catch (SqlParseException e) {
        throw new IllegalStateException("the stored query of view " + viewPath + " no longer parses: " + e.getMessage(), e);
      }
      SqlValidator validator = newValidator(schema);
      SqlNode validated = validator.validate(parsed);
      SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader(schema), cluster,
          StatementConvertlets.of(schema), config);
      RelRoot root = converter.convertQuery(validated, true, false);
      return root.withRel(converter.flattenTypes(root.rel, true));
    }
  }

  /** The row type of a view's stored query, by validating it. */
  public RelDataType viewRowType(String sql, String schema) {
    try {
      SqlValidator validator = newValidator(schema);
      SqlNode validated = validator.validate(parse(sql));
      return validator.getValidatedNodeType(validated);
    } catch (SqlParseException e) {
      throw new IllegalStateException("the stored query of a view no longer parses: " + e.getMessage(), e);
    }
  }

  /**
   * Optimizes and compiles a query (or a DML statement's input) whose root is {@code root}, without
   * the plan's text.
   *
   * @param validatedRowType the row type the statement's result has
   * @param origins the origin of each result column, or null
   * @param parameterRowType the types of the {@code ?} parameters
   */
  public CompiledQuery compile(
      RelRoot root,
      RelDataType validatedRowType,
      List<List<String>> origins,
      RelDataType parameterRowType) {
    return compile(root, validatedRowType, origins, parameterRowType, false);
  }

  /**
   * Optimizes and compiles a query as {@link #compile(RelRoot, RelDataType, List, RelDataType)}
   * does; with {@code planText}, the result also has the optimized plan as EXPLAIN prints it
   * (made only then: writing it asks the metadata of every node, which other statements do not
   * need).
   */
  public CompiledQuery compile(
      RelRoot root,
      RelDataType validatedRowType,
      List<List<String>> origins,
      RelDataType parameterRowType,
      boolean planText) {
    RelNode rel = root.rel;
    RelTraitSet desired =
        rel.getTraitSet().replace(EnumerableConvention.INSTANCE).replace(root.collation).simplify();
    RelNode best =
        PROGRAM.run(rel.getCluster().getPlanner(), rel, desired, List.of(), List.of());
    if (!root.isRefTrivial()) {
      RexBuilder rexBuilder = best.getCluster().getRexBuilder();
      List<RexNode> projects = new ArrayList<>();
      for (Integer field : org.apache.calcite.util.Pair.left(root.fields)) {
        projects.add(rexBuilder.makeInputRef(best, field));
      }
      org.apache.calcite.rex.RexProgram program =
          org.apache.calcite.rex.RexProgram.create(
              best.getRowType(), projects, null, validatedRowType, rexBuilder);
      best = org.apache.calcite.adapter.enumerable.EnumerableCalc.create(best, program);
    }
    Map<String, Object> stash = new HashMap<>();
    int[] parameterRow = parameterRow(best);
    @SuppressWarnings("unchecked")
    Bindable<Object> bindable = parameterRow != null
        ? new ParameterRowCode(parameterRow)
        : EnumerableInterpretable.toBindable(stash, null, (EnumerableRel) best, EnumerableRel.Prefer.ARRAY);
    List<ColumnMeta> columns = new ArrayList<>();
    List<RelDataTypeField> fields = validatedRowType.getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      List<String> origin = origins == null || i >= origins.size() ? null : origins.get(i);
      columns.add(ColumnMeta.of(fields.get(i).getName(), fields.get(i).getType(), origin));
    }
    List<SqlTypeName> params = new ArrayList<>();
    if (parameterRowType != null) {
      for (RelDataTypeField f : parameterRowType.getFieldList()) {
        params.add(f.getType().getSqlTypeName());
      }
    }
    String plan = planText ? RelOptUtil.toString(best, SqlExplainLevel.EXPPLAN_ATTRIBUTES) : null;
    return new CompiledQuery(bindable, java.util.Collections.unmodifiableMap(stash), List.copyOf(columns),
        List.copyOf(params), plan, parameterRow);
  }

  /**
   * For a plan that is a Calc without a condition over one row of VALUES, projecting only bare
   * {@code ?} parameters (no cast: each has its column's type), the parameter index of each
   * column; else null. Running such a plan returns the bound parameter values unchanged.
   */
  private static int[] parameterRow(RelNode best) {
    if (!(best instanceof org.apache.calcite.adapter.enumerable.EnumerableCalc calc)
        || !(calc.getInput() instanceof org.apache.calcite.adapter.enumerable.EnumerableValues values)
        || values.getTuples().size() != 1
        || calc.getProgram().getCondition() != null) {
      return null;
    }
    org.apache.calcite.rex.RexProgram program = calc.getProgram();
    List<org.apache.calcite.rex.RexLocalRef> projects = program.getProjectList();
    int[] out = new int[projects.size()];
    for (int i = 0; i < out.length; i++) {
      RexNode e = program.expandLocalRef(projects.get(i));
      if (!(e instanceof org.apache.calcite.rex.RexDynamicParam p)) {
        return null;
      }
      out[i] = p.getIndex();
    }
    return out;
  }

  /** A Calcite root schema with no tables of its own, for the engine to add its schemas to. */
  public static CalciteSchema newRootSchema() {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    return root;
  }
}
