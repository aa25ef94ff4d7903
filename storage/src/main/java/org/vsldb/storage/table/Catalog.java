package org.vsldb.storage.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The schema objects of a store: its tables, by id and by qualified name.
 *
 * <p>Lookups are lock-free; changes are made by the committing thread only. Every change bumps
 * {@link #version()}, which the SQL layer uses to invalidate cached plans.
 */
public final class Catalog {
  /** The schema that unqualified names resolve to. */
  public static final String DEFAULT_SCHEMA = "PUBLIC";

  private final Map<Integer, Table> byId = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Table>> bySchema = new ConcurrentHashMap<>();
  private final Map<String, Map<String, ViewDef>> views = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Sequence>> sequences = new ConcurrentHashMap<>();
  private final AtomicInteger nextTableId = new AtomicInteger(1);
  private final AtomicLong version = new AtomicLong();

  public Catalog() {
    bySchema.put(DEFAULT_SCHEMA, new ConcurrentHashMap<>());
    views.put(DEFAULT_SCHEMA, new ConcurrentHashMap<>());
  }

  /**
   * A catalog whose contents are still being loaded (recovery loads a file database after its
   * open returned): every method waits until {@link #finishLoading} hands it the loaded catalog,
   * or rethrows the error {@link #failLoading} recorded.
   */
  public static Catalog loading() {
    Catalog c = new Catalog();
    c.load = new Load();
    return c;
  }

  /** The state of a load in progress: done when the contents arrived or the load failed. */
  private static final class Load {
    final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    volatile java.util.function.Supplier<? extends RuntimeException> failure;
  }

  /** Set while this catalog's contents are being loaded (see {@link #loading()}); then null. */
  private volatile Load load;

  /** Takes the contents of {@code loaded}, a catalog the loading thread filled, and opens this one. */
  public void finishLoading(Catalog loaded) {
    Load l = load;
    if (l == null) {
      throw new IllegalStateException("the catalog is not loading");
    }
    byId.putAll(loaded.byId);
    bySchema.putAll(loaded.bySchema);
    views.putAll(loaded.views);
    sequences.putAll(loaded.sequences);
    nextTableId.set(loaded.nextTableId.get());
    version.set(loaded.version.get() + 1);
    tableList = loaded.tableList;
    load = null;
    l.done.countDown();
  }

  /** Ends a load that failed: from now on every method throws what {@code error} makes. */
  public void failLoading(java.util.function.Supplier<? extends RuntimeException> error) {
    Load l = load;
    if (l == null) {
      throw new IllegalStateException("the catalog is not loading");
    }
    l.failure = error;
    l.done.countDown();
  }

  /** Whether a load of this catalog failed ({@link #failLoading}); waits while it runs. */
  public boolean loadFailed() {
    Load l = load;
    if (l == null) {
      return false;
    }
    awaitUninterruptibly(l);
    return l.failure != null;
  }

  /** Waits while the contents are loading; throws if the load failed. */
  private void ready() {
    Load l = load;
    if (l == null) {
      return;
    }
    awaitUninterruptibly(l);
    if (l.failure != null) {
      throw l.failure.get();
    }
  }

  private static void awaitUninterruptibly(Load l) {
    boolean interrupted = false;
    while (true) {
      try {
        l.done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * What a snapshot writes: the schemas other than PUBLIC, the views, the sequences (each with
   * the state its log records reserved up to), the tables (by id) and the next table id, as of
   * one moment of the committing thread.
   */
  public record Image(List<String> schemas, List<ViewDef> views, List<SequenceImage> sequences,
      List<Table> tables, int nextTableId) {
    public Image {
      schemas = List.copyOf(schemas);
      views = List.copyOf(views);
      sequences = List.copyOf(sequences);
      tables = new ArrayList<>(tables);
      tables.sort(java.util.Comparator.comparingInt(Table::id));
      tables = List.copyOf(tables);
    }
  }

  /** This catalog's image now; taken by the committing thread, or while commits are held. */
  public Image image() {
    ready();
    List<String> schemas = new ArrayList<>(bySchema.keySet());
    schemas.remove(DEFAULT_SCHEMA);
    java.util.Collections.sort(schemas);
    List<ViewDef> all = views();
    all.sort(java.util.Comparator.comparing(ViewDef::schema).thenComparing(ViewDef::name));
    List<SequenceImage> seqs = new ArrayList<>();
    for (Sequence q : sequences()) {
      seqs.add(new SequenceImage(q.def(), q.logged()));
    }
    seqs.sort(java.util.Comparator.comparing((SequenceImage q) -> q.def().schema())
        .thenComparing(q -> q.def().name()));
    return new Image(schemas, all, seqs, new ArrayList<>(tables()), nextTableIdValue());
  }

  /** A sequence as a snapshot holds it: its definition and the state recovery resumes at. */
  public record SequenceImage(SequenceDef def, SequenceState state) {}

  /**
   * Creates the sequence {@code def} names with {@code state}, or gives the existing one the new
   * definition and state (the same object, so a reservation in progress sees the change).
   */
  public void putSequence(SequenceDef def, SequenceState state) {
    ready();
    Map<String, Sequence> m = sequences.computeIfAbsent(def.schema(), s -> new ConcurrentHashMap<>());
    Sequence existing = m.get(def.name());
    if (existing != null) {
      existing.redefine(def, state);
    } else {
      m.put(def.name(), new Sequence(def, state));
    }
    version.incrementAndGet();
  }

  /** Removes a sequence. */
  public void removeSequence(String schema, String name) {
    ready();
    Map<String, Sequence> m = sequences.get(schema);
    if (m != null && m.remove(name) != null) {
      version.incrementAndGet();
    }
  }

  /** The sequence {@code schema.name}, or null. */
  public Sequence sequence(String schema, String name) {
    ready();
    Map<String, Sequence> m = sequences.get(schema);
    return m == null ? null : m.get(name);
  }

  /** The sequences of one schema. */
  public Collection<Sequence> sequences(String schema) {
    ready();
    Map<String, Sequence> m = sequences.get(schema);
    return m == null ? List.of() : List.copyOf(m.values());
  }

  /** Every sequence, in no particular order. */
  public List<Sequence> sequences() {
    ready();
    List<Sequence> all = new ArrayList<>();
    sequences.values().forEach(m -> all.addAll(m.values()));
    return all;
  }

  /** Creates an empty schema (committing thread or recovery only). */
  public void addSchema(String schema) {
    ready();
    bySchema.putIfAbsent(schema, new ConcurrentHashMap<>());
    views.putIfAbsent(schema, new ConcurrentHashMap<>());
    version.incrementAndGet();
  }

  /** Removes an empty schema. */
  public void removeSchema(String schema) {
    ready();
    bySchema.remove(schema);
    views.remove(schema);
    sequences.remove(schema);
    version.incrementAndGet();
  }

  /** Whether the schema exists. */
  public boolean hasSchema(String schema) {
    ready();
    return bySchema.containsKey(schema);
  }

  /** Registers a view. */
  public void addView(ViewDef view) {
    ready();
    views.computeIfAbsent(view.schema(), s -> new ConcurrentHashMap<>()).put(view.name(), view);
    version.incrementAndGet();
  }

  /** Removes a view. */
  public void removeView(String schema, String name) {
    ready();
    Map<String, ViewDef> m = views.get(schema);
    if (m != null && m.remove(name) != null) {
      version.incrementAndGet();
    }
  }

  /** The view {@code schema.name}, or null. */
  public ViewDef view(String schema, String name) {
    ready();
    Map<String, ViewDef> m = views.get(schema);
    return m == null ? null : m.get(name);
  }

  /** The views of one schema. */
  public Collection<ViewDef> views(String schema) {
    ready();
    Map<String, ViewDef> m = views.get(schema);
    return m == null ? List.of() : List.copyOf(m.values());
  }

  /** Every view, in no particular order. */
  public List<ViewDef> views() {
    ready();
    List<ViewDef> all = new ArrayList<>();
    views.values().forEach(m -> all.addAll(m.values()));
    return all;
  }

  /**
   * Puts {@code table} in place of the table with the same id (an ALTER TABLE), under its
   * possibly new name. Readers that hold the old table keep reading it.
   */
  public void replace(Table table) {
    ready();
    Table old = byId.get(table.id());
    if (old != null) {
      Map<String, Table> tables = bySchema.get(old.def().schema());
      if (tables != null) {
        tables.remove(old.def().name(), old);
      }
    }
    add(table);
  }

  /** A number that changes whenever a schema object is created, altered or dropped. */
  public long version() {
    ready();
    return version.get();
  }

  /** A fresh table id. */
  public int newTableId() {
    ready();
    return nextTableId.getAndIncrement();
  }

  /** The next table id this catalog would hand out (for the snapshot). */
  public int nextTableIdValue() {
    ready();
    return nextTableId.get();
  }

  /** Makes the next table id at least {@code next} (when loading a snapshot). */
  public void reserveTableIds(int next) {
    ready();
    nextTableId.accumulateAndGet(next, Math::max);
  }

  public Table table(int id) {
    ready();
    return byId.get(id);
  }

  /** The table {@code schema.name}, or null. */
  public Table table(String schema, String name) {
    ready();
    Map<String, Table> tables = bySchema.get(schema);
    return tables == null ? null : tables.get(name);
  }

  /** The names of all schemas. */
  public List<String> schemaNames() {
    ready();
    return new ArrayList<>(bySchema.keySet());
  }

  /** The tables of one schema; empty for an unknown schema. */
  public Collection<Table> tables(String schema) {
    ready();
    Map<String, Table> tables = bySchema.get(schema);
    return tables == null ? List.of() : List.copyOf(tables.values());
  }

  /** All tables. */
  public Collection<Table> tables() {
    ready();
    return tableList;
  }

  /** Every table, as an immutable list made again by each change of the set (commits ask for it often). */
  private volatile List<Table> tableList = List.of();

  private void tablesChanged() {
    tableList = List.copyOf(byId.values());
  }

  private boolean bulkLoading;

  /**
   * While on, tables added to this catalog do not maintain their primary-key index (recovery
   * builds them once at the end, see {@link #endBulkLoad()}).
   */
  public void beginBulkLoad() {
    ready();
    bulkLoading = true;
  }

  /** Builds every table's primary-key index and ends the bulk load. */
  public void endBulkLoad() {
    ready();
    bulkLoading = false;
    tables().parallelStream().forEach(Table::rebuildPrimaryIndex);
  }

  /** Registers a table created by a commit or by replay. */
  public void add(Table table) {
    ready();
    if (bulkLoading) {
      table.suspendPrimaryIndex();
    }
    TableDef def = table.def();
    bySchema.computeIfAbsent(def.schema(), s -> new ConcurrentHashMap<>()).put(def.name(), table);
    byId.put(table.id(), table);
    tablesChanged();
    nextTableId.accumulateAndGet(table.id() + 1, Math::max);
    version.incrementAndGet();
  }

  /** Removes a table dropped by a commit or by replay. */
  public void remove(int tableId) {
    ready();
    Table t = byId.remove(tableId);
    if (t != null) {
      tablesChanged();
      Map<String, Table> tables = bySchema.get(t.def().schema());
      if (tables != null) {
        tables.remove(t.def().name(), t);
      }
      version.incrementAndGet();
    }
  }
}
