package org.vsldb.tck.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.Index;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/**
 * SchemaCrawler, at its maximum info level and with routines included, loads the whole catalog through vsl's
 * DatabaseMetaData: tables, views, columns, primary keys, indexes and foreign keys, and logs no
 * warning and no failed metadata call while doing so.
 */
class SchemaCrawlerCatalogTest {
  // SchemaCrawler logs through java.util.logging under these names; kept here so they stay configured.
  private static final List<Logger> LOGGERS = List.of(Logger.getLogger("schemacrawler"), Logger.getLogger("us.fatehi"));
  private static final List<LogRecord> PROBLEMS = new ArrayList<>();
  private static final Handler COLLECTOR = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.WARNING.intValue() || r.getThrown() != null) {
        synchronized (PROBLEMS) {
          PROBLEMS.add(r);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private static Catalog catalog;
  private static Schema shop;

  @BeforeAll
  static void crawl() throws Exception {
    for (Logger l : LOGGERS) {
      l.setLevel(Level.ALL);
      l.addHandler(COLLECTOR);
    }
    String url = ShopSchema.create();
    DatabaseConnectionSource source =
        DatabaseConnectionSources.newDatabaseConnectionSource(url, new MultiUseUserCredentials("SA", "unused"));
    SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
        .withLoadOptions(LoadOptionsBuilder.builder().withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum())
            .toOptions())
        .withLimitOptions(LimitOptionsBuilder.builder().includeAllRoutines().toOptions());
    try {
      catalog = SchemaCrawlerUtility.getCatalog(source, options);
    } finally {
      source.close();
    }
    shop = catalog.getSchemas().stream().filter(s -> "SHOP".equals(s.getName())).findFirst().orElseThrow();
  }

  @AfterAll
  static void detach() {
    LOGGERS.forEach(l -> l.removeHandler(COLLECTOR));
  }

  private static Table table(String name) {
    return catalog.lookupTable(shop, name).orElseThrow(() -> new AssertionError(name + " was not loaded"));
  }

  private static List<String> names(Collection<? extends schemacrawler.schema.NamedObject> objects) {
    return objects.stream().map(schemacrawler.schema.NamedObject::getName).sorted().toList();
  }

  @Test
  void crawl_logsNoWarningsAndNoFailedMetadataCalls() {
    List<String> problems = new ArrayList<>();
    synchronized (PROBLEMS) {
      for (LogRecord r : PROBLEMS) {
        problems.add(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
            + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")"));
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everySchema_isLoaded() {
    assertEquals(List.of("INFORMATION_SCHEMA", "PUBLIC", "SHOP"), names(catalog.getSchemas()));
  }

  @Test
  void tablesAndViews_areLoadedWithTheirTypes() {
    List<String> loaded = new ArrayList<>();
    for (Table t : catalog.getTables(shop)) {
      loaded.add(t.getName() + (t.getTableType().isView() ? " (view)" : ""));
    }
    assertEquals(List.of("BIG_ORDERS (view)", "CUSTOMER", "CUSTOMER_TOTALS (view)", "ORDERS", "ORDER_LINE",
        "PRODUCT"), loaded.stream().sorted().toList());
  }

  @Test
  void columns_haveTheirTypesNullabilityAndAutoIncrement() {
    Table orders = table("ORDERS");
    assertEquals(List.of("ID", "CUSTOMER_ID", "TOTAL", "PLACED"),
        orders.getColumns().stream().map(Column::getName).toList());
    Column id = orders.getColumns().get(0);
    assertEquals("BIGINT", id.getColumnDataType().getName());
    assertTrue(id.isAutoIncremented());
    assertTrue(id.isPartOfPrimaryKey());
    Column total = orders.getColumns().get(2);
    assertEquals(10, total.getSize());
    assertEquals(2, total.getDecimalDigits());
    assertTrue(total.isNullable());
    assertEquals(List.of("CUSTOMER_ID", "ORDERS", "SPENT"),
        table("CUSTOMER_TOTALS").getColumns().stream().map(Column::getName).toList());
  }

  @Test
  void primaryKeys_areLoadedWithTheirColumnsInKeyOrder() {
    assertEquals("PK_ORDER_LINE", table("ORDER_LINE").getPrimaryKey().getName());
    assertEquals(List.of("ORDER_ID", "LINE_NO"),
        table("ORDER_LINE").getPrimaryKey().getConstrainedColumns().stream().map(Column::getName).toList());
  }

  @Test
  void indexes_areLoadedWithTheirUniqueness() {
    Table line = table("ORDER_LINE");
    List<String> indexes = new ArrayList<>();
    for (Index i : line.getIndexes()) {
      indexes.add(i.getName() + (i.isUnique() ? " unique " : " ") + i.getColumns().stream().map(Column::getName)
          .toList());
    }
    assertTrue(indexes.contains("ORDER_LINE_SKU unique [ORDER_ID, SKU]"), indexes.toString());
    assertTrue(indexes.contains("PK_ORDER_LINE unique [ORDER_ID, LINE_NO]"), indexes.toString());
    assertTrue(names(table("ORDERS").getIndexes()).contains("ORDERS_PLACED"));
    assertTrue(names(table("CUSTOMER").getIndexes()).contains("CUSTOMER_EMAIL"));
  }

  @Test
  void foreignKeys_connectTheTablesBothWays() {
    List<String> imported = new ArrayList<>();
    for (ForeignKey fk : table("ORDER_LINE").getImportedForeignKeys()) {
      imported.add(fk.getName() + " -> " + fk.getPrimaryKeyTable().getName());
    }
    assertEquals(List.of("FK_LINE_ORDER -> ORDERS", "FK_LINE_PRODUCT -> PRODUCT"), imported.stream().sorted().toList());
    assertEquals(List.of("FK_ORDERS_CUSTOMER"), names(table("CUSTOMER").getExportedForeignKeys()));
  }
}
