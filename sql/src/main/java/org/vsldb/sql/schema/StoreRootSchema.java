package org.vsldb.sql.schema;

import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.vsldb.storage.table.Catalog;

/** The root of Calcite's schema tree: one {@link StoreSchema} per schema of the catalog. */
public final class StoreRootSchema extends AbstractSchema {
  private final Catalog catalog;
  private final StoreSchema.ViewTyper viewTyper;
  private final Map<String, StoreSchema> schemas = new HashMap<>();
  private final InformationSchema informationSchema;
  private long version = -1;

  public StoreRootSchema(Catalog catalog, StoreSchema.ViewTyper viewTyper) {
    this.catalog = catalog;
    this.viewTyper = viewTyper;
    this.informationSchema = new InformationSchema(catalog);
  }

  /** The catalog whose schemas this root holds. */
  public Catalog catalog() {
    return catalog;
  }

  /** The root's expression in generated code: the data context's root schema. */
  @Override
  public org.apache.calcite.linq4j.tree.Expression getExpression(
      org.apache.calcite.schema.SchemaPlus parentSchema, String name) {
    if (parentSchema == null) {
      return org.apache.calcite.linq4j.tree.Expressions.call(
          org.apache.calcite.DataContext.ROOT,
          org.apache.calcite.util.BuiltInMethod.DATA_CONTEXT_GET_ROOT_SCHEMA.method);
    }
    return super.getExpression(parentSchema, name);
  }

  /**
   * Functions every schema sees: {@code VSL_LOG}. The function is made when a statement first
   * names it: making it initialises Calcite's table of operator implementations, which no other
   * statement before it may need.
   */
  @Override
  protected com.google.common.collect.Multimap<String, org.apache.calcite.schema.Function> getFunctionMultimap() {
    return Functions.ALL;
  }

  /** The functions, made when first used (the holder idiom). */
  private static final class Functions {
    static final com.google.common.collect.Multimap<String, org.apache.calcite.schema.Function> ALL =
        com.google.common.collect.ImmutableMultimap.of(
            org.vsldb.sql.history.LogFunction.NAME, org.vsldb.sql.history.LogFunction.function());
  }

  /** Tables every schema sees, unless it has its own of the name: {@code DUAL}. */
  @Override
  protected Map<String, org.apache.calcite.schema.Table> getTableMap() {
    return ROOT_TABLES;
  }

  private static final Map<String, org.apache.calcite.schema.Table> ROOT_TABLES =
      Map.of(DualTable.NAME, new DualTable());

  @Override
  protected synchronized Map<String, Schema> getSubSchemaMap() {
    long v = catalog.version();
    if (v != version) {
      schemas.keySet().retainAll(catalog.schemaNames());
      for (String s : catalog.schemaNames()) {
        schemas.computeIfAbsent(s, n -> new StoreSchema(catalog, n, viewTyper));
      }
      version = v;
    }
    Map<String, Schema> all = new HashMap<>(schemas);
    all.put(InformationSchema.NAME, informationSchema);
    return all;
  }
}
