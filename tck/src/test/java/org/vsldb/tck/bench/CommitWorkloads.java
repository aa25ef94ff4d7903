package org.vsldb.tck.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The durable-commit workloads of {@link PeerBenchmark}, on every engine's file mode (its strictest
 * durability, {@link Peer}): one single-row insert per transaction (autocommit) into
 * {@code c(id, v)}, with 1 thread and with 8 threads.
 */
final class CommitWorkloads {
  /**
   * One thread's figures: the engines' results, the appending and the overwriting probe's, and
   * vsl ÷ the faster probe of each round.
   */
  record OneThread(Map<Peer, Harness.Result> engines, Harness.Result probe, Harness.Result overwriteProbe,
      double[] vslOverProbeSorted) {}

  private final Budget budget;
  private final Path root;

  CommitWorkloads(Budget budget, Path root) {
    this.budget = budget;
    this.root = root;
  }

  /**
   * 1 thread per engine, and the raw force probes (appending, and writing over zeros), taking turns
   * round by round (the disk's force rate drifts within minutes, so each round of each engine is
   * next to a round of the probes). The ratio vsl ÷ the faster probe is taken per round.
   */
  OneThread oneThread() throws Exception {
    List<AutoCloseable> open = new ArrayList<>();
    try (ForceProbe probe = new ForceProbe(root.resolve("probe.bin"));
        ForceProbe overwrite = new ForceProbe(root.resolve("probe-overwrite.bin"), true)) {
      Harness.Meter probeMeter = new Harness.Meter("commit", "probe", i -> probe.appendAndForce());
      Harness.Meter overwriteMeter = new Harness.Meter("commit", "probe, overwriting", i -> overwrite.appendAndForce());
      Map<Peer, Harness.Meter> meters = new EnumMap<>(Peer.class);
      for (Peer peer : Peer.values()) {
        Connection c = peer.open(Peer.Mode.FILE, root, "commit1");
        open.add(c);
        createTable(c, peer);
        PreparedStatement p = c.prepareStatement("insert into c values (?, 'v')");
        open.add(p);
        meters.put(peer, new Harness.Meter("commit", peer.label, i -> {
          p.setInt(1, (int) i);
          p.executeUpdate();
        }));
      }
      long warmup = Math.max(budget.roundMillis(), budget.warmupMillis() / 2);
      probeMeter.warmUp(warmup);
      overwriteMeter.warmUp(warmup);
      for (Harness.Meter m : meters.values()) {
        m.warmUp(warmup);
      }
      for (int r = 0; r < budget.rounds(); r++) {
        probeMeter.round(budget.roundMillis());
        overwriteMeter.round(budget.roundMillis());
        for (Harness.Meter m : meters.values()) {
          m.round(budget.roundMillis());
        }
      }
      List<Double> vsl = meters.get(Peer.VSL).roundRates();
      List<Double> probes = probeMeter.roundRates();
      List<Double> overwrites = overwriteMeter.roundRates();
      double[] ratios = new double[vsl.size()];
      for (int r = 0; r < ratios.length; r++) {
        ratios[r] = vsl.get(r) / Math.max(probes.get(r), overwrites.get(r));
      }
      Arrays.sort(ratios);
      Map<Peer, Harness.Result> results = new EnumMap<>(Peer.class);
      meters.forEach((peer, m) -> results.put(peer, m.result()));
      return new OneThread(results, probeMeter.result(), overwriteMeter.result(), ratios);
    } finally {
      for (int i = open.size() - 1; i >= 0; i--) {
        open.get(i).close();
      }
    }
  }

  /**
   * Commits/s of {@code threads} threads on {@code peer}, each on its own connection
   * ({@link CommitRate}); the median of the rounds, after one warm-up round.
   */
  double threads(Peer peer, int threads) throws Exception {
    String name = "commit" + threads;
    try (Connection keeper = peer.open(Peer.Mode.FILE, root, name)) {
      createTable(keeper, peer);
      AtomicInteger ids = new AtomicInteger();
      CommitRate.Connector connector = () -> peer.open(Peer.Mode.FILE, root, name);
      CommitRate.threads(connector, threads, budget.roundMillis(), ids);
      double[] rates = new double[budget.rounds()];
      for (int r = 0; r < rates.length; r++) {
        rates[r] = CommitRate.threads(connector, threads, budget.roundMillis(), ids);
      }
      Arrays.sort(rates);
      return rates[rates.length / 2];
    }
  }

  /** Commits/s of the many-thread rounds (their median), and the median of the paired ratios. */
  record Scaling(double rate, double ratio) {}

  /**
   * How commits scale from 1 thread to {@code threads} on {@code peer}: rounds of 1 thread and of
   * {@code threads} threads take turns on one database, after one warm-up round of each (the
   * disk's force rate drifts within minutes, so each pair of rounds sees the same disk), and the
   * ratio is taken per pair.
   */
  Scaling scaling(Peer peer, int threads) throws Exception {
    String name = "scaling" + threads;
    try (Connection keeper = peer.open(Peer.Mode.FILE, root, name)) {
      createTable(keeper, peer);
      AtomicInteger ids = new AtomicInteger();
      CommitRate.Connector connector = () -> peer.open(Peer.Mode.FILE, root, name);
      CommitRate.threads(connector, 1, budget.roundMillis(), ids);
      CommitRate.threads(connector, threads, budget.roundMillis(), ids);
      double[] many = new double[budget.rounds()];
      double[] ratios = new double[budget.rounds()];
      for (int r = 0; r < many.length; r++) {
        double one = CommitRate.threads(connector, 1, budget.roundMillis(), ids);
        many[r] = CommitRate.threads(connector, threads, budget.roundMillis(), ids);
        ratios[r] = many[r] / one;
      }
      Arrays.sort(many);
      Arrays.sort(ratios);
      return new Scaling(many[many.length / 2], ratios[ratios.length / 2]);
    }
  }

  private static void createTable(Connection c, Peer peer) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("create table c(id " + peer.keyType() + " primary key, v varchar(20))");
    }
  }
}
