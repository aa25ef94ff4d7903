package org.vsldb.jdbc;

import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.vsldb.sql.plan.metadata.PrecompiledHandlers;

/**
 * Initialises the planner's shared state (Calcite's operator table, vsl's parser, the planner
 * rules, the metadata provider and the metadata handlers, which are precompiled
 * ({@link PrecompiledHandlers})) on a background thread, while a program that will
 * connect soon does other work: the shell starts it before sqlline sets itself up. No SQL is
 * planned; each step only makes static state that the first statement would otherwise make on
 * its own thread.
 *
 * <p>Calcite's classes must never be initialised by two threads at once: their static
 * initialisers refer to each other, and two threads entering such a cycle from different ends
 * would deadlock. So the preload runs on while the program connects (opening a connection, and
 * what a tool such as sqlline asks of it and of its {@code DatabaseMetaData} then, touches no
 * Calcite class: {@code PreloadOrderTest} checks the shell's first commands), and the first use
 * that may touch Calcite calls {@link #await}, which waits for the step under way and stops the
 * rest. Those uses are the classes through which the driver reaches Calcite: each calls
 * {@code await} in its static initialiser ({@link VslStatement}, whose statements parse and plan;
 * {@link MetaResults}, {@link MetaRelations}, {@link MetaKeys} and {@link MetaTypes}, through
 * which every {@code DatabaseMetaData} result is made; {@link VslParameterMetaData} and the
 * {@code types} package's {@code JdbcValues} and {@code TargetTypes}), and every
 * {@link org.vsldb.sql.SqlEngine} the driver makes calls it before making its planner. Steps not
 * run are done later, on demand, as without the preload.
 *
 * <p>A second thread compiles one small class with Janino, which compiles the code Calcite
 * generates for each plan, so that its classes are loaded and its first compilation's
 * one-time work (about 30 ms) is done when the first statement needs it. Janino does not refer to
 * Calcite, so no cycle of class initialisers can join the two threads. It starts when the
 * preload ends or the first statement stops it, whichever comes first: Janino is needed last,
 * when the plan is compiled, and started at once it took a core from the preload and sqlline
 * while both set themselves up (start to first result 603 -> 590 ms, median of 30 interleaved
 * launches on 2 cores, docs/benchmarks.md).
 */
public final class PlannerPreload {
  /**
   * The steps, in the order a first statement needs their results; a holder class, so that a
   * program that never starts the preload does not make them when it connects.
   */
  private static final class Steps {
    static final List<Runnable> ALL = List.of(
        SqlStdOperatorTable::instance,
        () -> initialise(org.vsldb.sql.parser.impl.VslSqlParserImpl.class),
        () -> initialise(org.vsldb.sql.type.VslTypeFactory.class),
        () -> initialise(org.apache.calcite.rel.type.TimeFrames.class),
        () -> RelOptUtil.registerDefaultRules(new VolcanoPlanner(), false, false),
        () -> initialise(org.apache.calcite.adapter.enumerable.EnumerableRules.class),
        () -> initialise(org.vsldb.sql.rules.StoreRules.class),
        () -> initialise(org.vsldb.sql.rules.GroupedSemiJoinRules.class),
        () -> initialise(DefaultRelMetadataProvider.class),
        // a metadata query makes every kind of handler
        () -> new RelMetadataQuery(PrecompiledHandlers.INSTANCE));
  }

  private static Thread thread;
  private static Thread compiler;
  private static volatile boolean stop;

  private PlannerPreload() {}

  /** Starts the preload, once per JVM. */
  public static synchronized void start() {
    if (thread != null) {
      return;
    }
    thread = new Thread(PlannerPreload::run, "vsl planner preload");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts the compiler's preload, once per JVM. */
  private static synchronized void startCompiler() {
    if (compiler != null) {
      return;
    }
    compiler = new Thread(PlannerPreload::warmCompiler, "vsl compiler preload");
    compiler.setDaemon(true);
    compiler.start();
  }

  /**
   * Stops the preload after the step under way and waits for it; returns at once if none runs.
   * Called before the first use of Calcite of a thread other than the preload's (see above).
   */
  public static void await() {
    Thread t;
    synchronized (PlannerPreload.class) {
      t = thread;
    }
    if (t == null || !t.isAlive()) {
      return;
    }
    startCompiler();
    stop = true;
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void run() {
    try {
      runSteps();
    } finally {
      startCompiler();
    }
  }

  private static void runSteps() {
    for (Runnable step : Steps.ALL) {
      if (stop) {
        return;
      }
      try {
        step.run();
      } catch (RuntimeException | LinkageError e) {
        // The preload stops. A statement that needs the same state fails too, as it would have
        // when making it (a class whose initialiser failed cannot be used).
        return;
      }
    }
  }

  private static void warmCompiler() {
    try {
      // Janino is Calcite's run-time dependency, not a compile-time one of this module
      Object compiler = Class.forName("org.codehaus.janino.SimpleCompiler").getConstructor().newInstance();
      compiler.getClass().getMethod("cook", String.class).invoke(compiler,
          "public final class VslPreload implements java.util.function.IntSupplier {"
              + " public int getAsInt() { return 1; } }");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // nothing is lost: the first statement initialises the compiler as without the preload
    }
  }

  private static void initialise(Class<?> c) {
    try {
      Class.forName(c.getName(), true, c.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
