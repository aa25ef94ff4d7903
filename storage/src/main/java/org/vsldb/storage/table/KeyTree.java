package org.vsldb.storage.table;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The entries (key, row id) of an {@link Index}, in a B+tree of arrays: about 12 bytes per entry
 * besides the key itself, where a skip list spends an entry object and a node.
 *
 * <p>One writer, any number of readers that never lock. Readers see the tree as it was at the last
 * {@link #publish()}. The writer changes a working copy: a node that a published tree contains is
 * copied before its first change (copy on write along the path from the root), and a node made
 * since the last publish is changed in place, so a batch of changes (one commit) copies each
 * node at most once. {@link #publish()} makes the whole batch visible with one volatile write.
 *
 * <p>Leaves hold up to {@link #MAX} entries in two parallel arrays. A branch holds up to
 * {@link #MAX} children; its entry {@code i} (for {@code i >= 1}) is a lower bound of every entry
 * under child {@code i} and above every entry under child {@code i - 1}. A full leaf splits in half,
 * except when the new entry goes after all of its entries: then the new entry starts a leaf of its
 * own, so that keys inserted in ascending order fill leaves completely. Removal does not merge
 * nodes; a node that becomes empty is unlinked. {@link #load} builds full leaves from sorted entries.
 *
 * <p>A tree of {@link #integral} keys (an index of one integer, date or time column that is never
 * NULL, such as most primary keys) keeps its keys as {@code long}s in its nodes instead of as
 * objects: no boxed key per entry (about 12 bytes less per entry), and a search compares two
 * {@code long}s instead of calling the {@link Order}. A search key that is such a value compares
 * as a {@code long}; any other search key (NULL, a decimal) is compared with the stored key boxed
 * again, through the {@link Order}, so the order is the same in both representations.
 */
final class KeyTree {
  /** The order of entries: by key, then by row id. */
  @FunctionalInterface
  interface Order {
    int compare(Object keyA, long rowA, Object keyB, long rowB);
  }

  static final int MAX = 64;

  /**
   * How a tree of integral keys boxes a stored {@code long} again: into the class of the column's
   * values ({@code Integer::valueOf} for INTEGER, DATE and TIME, {@code Long::valueOf} for BIGINT and
   * TIMESTAMP, ...).
   */
  @FunctionalInterface
  interface Boxing {
    Object box(long key);
  }

  /**
   * The search key marker of a tree of integral keys: the key is the {@code long} passed beside
   * it. Any other key object is compared through the {@link Order}.
   */
  private static final Object LONG = new Object();

  /** A node; its keys are in {@code keys}, or in {@code longs} in a tree of integral keys. */
  private static class Node {
    final long batch;
    int n;
    final Object[] keys;
    final long[] longs;
    final long[] rows;

    Node(long batch, Object[] keys, long[] longs, long[] rows, int n) {
      this.batch = batch;
      this.keys = keys;
      this.longs = longs;
      this.rows = rows;
      this.n = n;
    }
  }

  private static final class Branch extends Node {
    final Node[] children;

    Branch(long batch, Object[] keys, long[] longs, long[] rows, Node[] children, int n) {
      super(batch, keys, longs, rows, n);
      this.children = children;
    }
  }

  private final Order order;
  /** Non-null in a tree of integral keys. */
  private final Boxing integral;
  /** The tree readers see. */
  private volatile Node root;
  private volatile int size;
  /** The writer's tree; the same as {@link #root} until the writer changes something. */
  private Node working;
  private int workingSize;
  /** The writer's batch: nodes stamped with it are not yet published and may change in place. */
  private long batch = 1;
  /** The writer's path from the root to a leaf, reused by every change. */
  private final Branch[] path = new Branch[16];
  private final int[] at = new int[16];

  /** A tree of key objects. */
  KeyTree(Order order) {
    this(order, null);
  }

  /**
   * A tree whose keys are {@code long}s boxed by {@code integral} (every stored key is a
   * {@link Byte}, {@link Short}, {@link Integer} or {@link Long}, never null), or of key objects
   * if {@code integral} is null. {@code order} orders the boxed keys as {@code long}s order.
   */
  KeyTree(Order order, Boxing integral) {
    this.order = order;
    this.integral = integral;
    this.root = leaf(0, 0);
    this.working = root;
  }

  private Node leaf(long stamp, int n) {
    return integral == null
        ? new Node(stamp, new Object[MAX], null, new long[MAX], n)
        : new Node(stamp, null, new long[MAX], new long[MAX], n);
  }

  private Branch branch(int n) {
    return integral == null
        ? new Branch(batch, new Object[MAX], null, new long[MAX], new Node[MAX], n)
        : new Branch(batch, null, new long[MAX], new long[MAX], new Node[MAX], n);
  }

  /** Whether {@code key} is an integral value a tree of integral keys keeps as a {@code long}. */
  private static boolean isIntegral(Object key) {
    return key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte;
  }

  /** {@code key} as the comparisons take it: {@link #LONG} (its value passed beside) or itself. */
  private Object searchKey(Object key) {
    return integral != null && isIntegral(key) ? LONG : key;
  }

  private static long longOf(Object key) {
    return key instanceof Number x && isIntegral(key) ? x.longValue() : 0;
  }

  /** The key of entry {@code i} of {@code node}, as an object. */
  private Object keyAt(Node node, int i) {
    return node.keys != null ? node.keys[i] : integral.box(node.longs[i]);
  }

  /**
   * Compares entry {@code i} of {@code node} with the search entry (key, rowId), where key is
   * {@link #LONG} for the value {@code lk}.
   */
  private int compareAt(Node node, int i, Object key, long lk, long rowId) {
    if (key == LONG) {
      long s = node.longs[i];
      if (s != lk) {
        return s < lk ? -1 : 1;
      }
      return Long.compare(node.rows[i], rowId);
    }
    return order.compare(keyAt(node, i), node.rows[i], key, rowId);
  }

  /** Copies entry {@code i} of {@code from} (key and row id) to entry {@code j} of {@code to}. */
  private static void copyEntry(Node from, int i, Node to, int j) {
    if (from.keys != null) {
      to.keys[j] = from.keys[i];
    } else {
      to.longs[j] = from.longs[i];
    }
    to.rows[j] = from.rows[i];
  }

  /** The number of entries readers see. */
  int size() {
    return size;
  }

  /** Makes every change since the last publish visible to readers. Writer only. */
  void publish() {
    if (working != root) {
      root = working;
    }
    size = workingSize;
    batch++;
  }

  /**
   * Replaces the whole tree by the first {@code count} entries of {@code keys} and {@code rowIds}
   * (in this tree's order, no duplicates) and publishes it. Writer only.
   */
  void load(Object[] keys, long[] rowIds, int count) {
    java.util.ArrayList<Node> level = new java.util.ArrayList<>();
    for (int start = 0; start < count || level.isEmpty(); start += MAX) {
      int n = Math.max(0, Math.min(MAX, count - start));
      Node leaf = leaf(batch, n);
      if (n > 0) {
        if (integral == null) {
          System.arraycopy(keys, start, leaf.keys, 0, n);
        } else {
          for (int i = 0; i < n; i++) {
            leaf.longs[i] = integralKey(keys[start + i]);
          }
        }
        System.arraycopy(rowIds, start, leaf.rows, 0, n);
      }
      level.add(leaf);
    }
    while (level.size() > 1) {
      java.util.ArrayList<Node> up = new java.util.ArrayList<>();
      for (int start = 0; start < level.size(); start += MAX) {
        int n = Math.min(MAX, level.size() - start);
        Branch b = branch(n);
        for (int i = 0; i < n; i++) {
          Node child = level.get(start + i);
          b.children[i] = child;
          copyEntry(lowest(child), 0, b, i);
        }
        up.add(b);
      }
      level = up;
    }
    working = level.get(0);
    workingSize = count;
    publish();
  }

  /**
   * A key to store in a tree of integral keys, as a {@code long}: an integral value, or another
   * number with an integral value (the column's type is integral, so its values are).
   */
  private static long integralKey(Object key) {
    if (isIntegral(key)) {
      return ((Number) key).longValue();
    }
    if (key instanceof Number x) {
      try {
        return new java.math.BigDecimal(x.toString()).longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        // below
      }
    }
    throw new IllegalArgumentException("not an integral index key: " + key);
  }

  private static Node lowest(Node node) {
    while (node instanceof Branch b) {
      node = b.children[0];
    }
    return node;
  }

  /** Adds an entry; returns false if it is already there. Writer only. */
  boolean add(Object key, long rowId) {
    return integral == null ? add(key, key, 0, rowId) : add(null, LONG, integralKey(key), rowId);
  }

  /** As {@link #add}, in a tree of integral keys, for the key given as its {@code long}. Writer only. */
  boolean addLong(long key, long rowId) {
    return add(null, LONG, key, rowId);
  }

  /** Adds entry ({@code key}, {@code rowId}) whose search key is {@code sk} and {@code lk}. */
  private boolean add(Object key, Object sk, long lk, long rowId) {
    Node node = mutable(working);
    working = node;
    int depth = 0;
    while (node instanceof Branch b) {
      // keys added in ascending order (a bulk insert in key order) go after the last child's bound:
      // one comparison per level instead of a binary search
      int i = compareAt(b, b.n - 1, sk, lk, rowId) <= 0 ? b.n - 1 : childFor(b, sk, lk, rowId);
      Node child = mutable(b.children[i]);
      b.children[i] = child;
      path[depth] = b;
      at[depth] = i;
      depth++;
      node = child;
    }
    int pos = node.n > 0 && compareAt(node, node.n - 1, sk, lk, rowId) < 0
        ? -node.n - 1
        : search(node, sk, lk, rowId);
    if (pos >= 0) {
      return false;
    }
    pos = -pos - 1;
    workingSize++;
    if (node.n < MAX) {
      insertAt(node, pos, key, lk, rowId, null);
      return true;
    }
    // Split the leaf, then carry the new right node up as long as parents overflow.
    Node right = split(node, pos, key, lk, rowId, null);
    for (int d = depth - 1; d >= 0; d--) {
      Branch parent = path[d];
      int slot = at[d] + 1;
      Object sepKey = right.keys != null ? right.keys[0] : null;
      long sepLong = right.longs != null ? right.longs[0] : 0;
      long sepRow = right.rows[0];
      if (parent.n < MAX) {
        insertAt(parent, slot, sepKey, sepLong, sepRow, right);
        return true;
      }
      right = split(parent, slot, sepKey, sepLong, sepRow, right);
    }
    Branch top = branch(2);
    Node oldTop = working;
    top.children[0] = oldTop;
    top.children[1] = right;
    copyEntry(oldTop, 0, top, 0);
    copyEntry(right, 0, top, 1);
    working = top;
    return true;
  }

  /** Removes an entry; returns false if it is not there. Writer only. */
  boolean remove(Object key, long rowId) {
    Object sk = searchKey(key);
    long lk = longOf(key);
    Node node = working;
    int depth = 0;
    while (node instanceof Branch b) {
      path[depth] = b;
      at[depth] = childFor(b, sk, lk, rowId);
      node = b.children[at[depth]];
      depth++;
    }
    int pos = search(node, sk, lk, rowId);
    if (pos < 0) {
      return false;
    }
    // Copy the path now that the entry is known to be there.
    Node top = mutable(working);
    working = top;
    Node cur = top;
    for (int d = 0; d < depth; d++) {
      Branch b = (Branch) cur;
      path[d] = b;
      Node child = mutable(b.children[at[d]]);
      b.children[at[d]] = child;
      cur = child;
    }
    removeAt(cur, pos);
    workingSize--;
    for (int d = depth - 1; d >= 0 && cur.n == 0; d--) {
      removeAt(path[d], at[d]);
      cur = path[d];
    }
    while (working instanceof Branch b && b.n == 1) {
      working = b.children[0];
    }
    if (working instanceof Branch b && b.n == 0) {
      working = leaf(batch, 0);
    }
    return true;
  }

  /** The entries from the first not below (key, rowId), in order, as the last publish left them. */
  Iterator<Index.Entry> from(Object key, long rowId) {
    return new Cursor(root, key, rowId);
  }

  /**
   * Visits the row ids of the entries whose key equals {@code key} (those from (key, MIN_VALUE)
   * and below (key, MAX_VALUE)), in order, as the last publish left them, until the visitor
   * returns false. Within the first leaf it makes no objects (a point lookup's entries are almost
   * always there).
   */
  void visitEqual(Object key, java.util.function.LongPredicate visitor) {
    Object sk = searchKey(key);
    long lk = longOf(key);
    Node top = root;
    Node node = top;
    while (node instanceof Branch b) {
      node = b.children[childFor(b, sk, lk, Long.MIN_VALUE)];
    }
    int p = search(node, sk, lk, Long.MIN_VALUE);
    for (int i = p >= 0 ? p : -p - 1; i < node.n; i++) {
      if (compareAt(node, i, sk, lk, Long.MAX_VALUE) >= 0 || !visitor.test(node.rows[i])) {
        return;
      }
    }
    if (node.n == 0) {
      return;
    }
    Cursor rest = new Cursor(top, keyAt(node, node.n - 1), node.rows[node.n - 1]);
    rest.next(); // the last entry of the leaf just visited
    while (rest.hasNext()) {
      Index.Entry e = rest.next();
      if (order.compare(e.key(), e.rowId(), key, Long.MAX_VALUE) >= 0 || !visitor.test(e.rowId())) {
        return;
      }
    }
  }

  /** Every entry, in order, as the last publish left them. */
  Iterator<Index.Entry> all() {
    return new Cursor(root, null, 0, true);
  }

  private Node mutable(Node node) {
    if (node.batch == batch) {
      return node;
    }
    Object[] keys = node.keys == null ? null : node.keys.clone();
    long[] longs = node.longs == null ? null : node.longs.clone();
    if (node instanceof Branch b) {
      return new Branch(batch, keys, longs, b.rows.clone(), b.children.clone(), b.n);
    }
    return new Node(batch, keys, longs, node.rows.clone(), node.n);
  }

  /** The child of {@code b} whose range holds (key, rowId): the last whose lower bound is not above it. */
  private int childFor(Branch b, Object key, long lk, long rowId) {
    int lo = 1;
    int hi = b.n - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (compareAt(b, mid, key, lk, rowId) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Binary search in a leaf: the position of the entry, or {@code -(insertion point) - 1}. */
  private int search(Node leaf, Object key, long lk, long rowId) {
    int lo = 0;
    int hi = leaf.n - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compareAt(leaf, mid, key, lk, rowId);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -lo - 1;
  }

  /** Inserts the entry (key, or lk in a tree of integral keys; rowId[, child]) at {@code pos}. */
  private static void insertAt(Node node, int pos, Object key, long lk, long rowId, Node child) {
    int tail = node.n - pos;
    if (node.keys != null) {
      System.arraycopy(node.keys, pos, node.keys, pos + 1, tail);
      node.keys[pos] = key;
    } else {
      System.arraycopy(node.longs, pos, node.longs, pos + 1, tail);
      node.longs[pos] = lk;
    }
    System.arraycopy(node.rows, pos, node.rows, pos + 1, tail);
    node.rows[pos] = rowId;
    if (node instanceof Branch b) {
      System.arraycopy(b.children, pos, b.children, pos + 1, tail);
      b.children[pos] = child;
    }
    node.n++;
  }

  private static void removeAt(Node node, int pos) {
    int tail = node.n - pos - 1;
    if (node.keys != null) {
      System.arraycopy(node.keys, pos + 1, node.keys, pos, tail);
      node.keys[node.n - 1] = null;
    } else {
      System.arraycopy(node.longs, pos + 1, node.longs, pos, tail);
    }
    System.arraycopy(node.rows, pos + 1, node.rows, pos, tail);
    if (node instanceof Branch b) {
      System.arraycopy(b.children, pos + 1, b.children, pos, tail);
      b.children[node.n - 1] = null;
    }
    node.n--;
  }

  /**
   * Splits a full node (already mutable) while inserting (key, rowId[, child]) at {@code pos}; returns
   * the new right node, whose first entry is the separator for the parent.
   */
  private Node split(Node node, int pos, Object key, long lk, long rowId, Node child) {
    boolean branch = node instanceof Branch;
    Node right = branch ? branch(0) : leaf(batch, 0);
    if (pos == node.n) {
      insertAt(right, 0, key, lk, rowId, child); // appending: keep the left node full
      return right;
    }
    int move = node.n / 2;
    int from = node.n - move;
    if (node.keys != null) {
      System.arraycopy(node.keys, from, right.keys, 0, move);
      java.util.Arrays.fill(node.keys, from, node.n, null);
    } else {
      System.arraycopy(node.longs, from, right.longs, 0, move);
    }
    System.arraycopy(node.rows, from, right.rows, 0, move);
    if (branch) {
      System.arraycopy(((Branch) node).children, from, ((Branch) right).children, 0, move);
      java.util.Arrays.fill(((Branch) node).children, from, node.n, null);
    }
    right.n = move;
    node.n = from;
    if (pos <= from) {
      insertAt(node, pos, key, lk, rowId, child);
    } else {
      insertAt(right, pos - from, key, lk, rowId, child);
    }
    return right;
  }

  /**
   * An in-order walk over one published tree, from a lower bound. It descends to the first leaf
   * without keeping the path (a point lookup rarely leaves that leaf); the first time it must go
   * on to the next leaf it descends again, this time keeping the path on a stack.
   */
  private final class Cursor implements Iterator<Index.Entry> {
    private final Node top;
    private Branch[] path;
    private int[] at;
    private int depth;
    private Node leaf;
    private int pos;

    /** From the first entry not below (key, rowId); from the first entry if {@code all}. */
    Cursor(Node top, Object key, long rowId, boolean all) {
      this.top = top;
      Object sk = searchKey(key);
      long lk = longOf(key);
      Node node = top;
      while (node instanceof Branch b) {
        node = b.children[all ? 0 : childFor(b, sk, lk, rowId)];
      }
      leaf = node;
      if (!all) {
        int p = search(node, sk, lk, rowId);
        pos = p >= 0 ? p : -p - 1;
      }
      settle();
    }

    Cursor(Node top, Object key, long rowId) {
      this(top, key, rowId, false);
    }

    /** Records the path from the top to the current leaf (found again by its first entry). */
    private void recordPath() {
      path = new Branch[16];
      at = new int[16];
      Object key = leaf.keys != null ? leaf.keys[0] : LONG;
      long lk = leaf.longs != null ? leaf.longs[0] : 0;
      long rowId = leaf.rows[0];
      Node node = top;
      while (node instanceof Branch b) {
        int i = childFor(b, key, lk, rowId);
        path[depth] = b;
        at[depth] = i;
        depth++;
        node = b.children[i];
      }
    }

    /** Moves past the ends of exhausted leaves to the next entry, if any. */
    private void settle() {
      while (leaf != null && pos >= leaf.n) {
        leaf = nextLeaf();
        pos = 0;
      }
    }

    private Node nextLeaf() {
      if (leaf.n == 0) {
        return null; // only an empty tree has an empty leaf
      }
      if (path == null) {
        recordPath();
      }
      int d = depth - 1;
      while (d >= 0 && at[d] + 1 >= path[d].n) {
        d--;
      }
      if (d < 0) {
        return null;
      }
      at[d]++;
      Node node = path[d].children[at[d]];
      for (int k = d + 1; k < depth; k++) {
        Branch b = (Branch) node;
        path[k] = b;
        at[k] = 0;
        node = b.children[0];
      }
      return node;
    }

    @Override
    public boolean hasNext() {
      return leaf != null;
    }

    @Override
    public Index.Entry next() {
      if (leaf == null) {
        throw new NoSuchElementException();
      }
      Index.Entry e = new Index.Entry(keyAt(leaf, pos), leaf.rows[pos]);
      pos++;
      settle();
      return e;
    }
  }
}
