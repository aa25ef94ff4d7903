package org.vsldb.tck.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A child JVM for {@link ForceCount}: opens a file database of {@code args[0]} (a {@link Peer}) under
 * {@code args[1]} with the settings of {@link PeerBenchmark}, creates the commit table and commits
 * {@code args[2]} single-row inserts (autocommit), then closes it.
 */
public final class CommitWorker {
  private CommitWorker() {}

  public static void main(String[] args) throws Exception {
    Peer peer = Peer.valueOf(args[0]);
    int commits = Integer.parseInt(args[2]);
    try (Connection c = peer.open(Peer.Mode.FILE, Path.of(args[1]), "traced")) {
      try (Statement s = c.createStatement()) {
        s.execute("create table c(id " + peer.keyType() + " primary key, v varchar(20))");
      }
      try (PreparedStatement p = c.prepareStatement("insert into c values (?, 'v')")) {
        for (int i = 0; i < commits; i++) {
          p.setInt(1, i);
          p.executeUpdate();
        }
      }
    }
    System.out.println("DONE");
  }
}
