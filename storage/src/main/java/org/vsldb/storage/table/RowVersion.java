package org.vsldb.storage.table;

/**
 * One committed version of a row, its values kept as one image in the table's {@link RowFormat}
 * (the reference to the format fills what would otherwise be alignment padding). Versions of the same row id form a chain from newest to oldest.
 *
 * <p>{@code begin} is the commit timestamp that created the version; {@code end} the one that
 * replaced or deleted it, or {@link #LIVE}. Both are set before the commit that writes them is
 * published, so a reader holding an older snapshot timestamp never sees a half-applied commit.
 */
public final class RowVersion {
  /** The {@code end} of a version no commit has replaced. */
  public static final long LIVE = Long.MAX_VALUE;

  private final long rowId;
  private final RowFormat format;
  private final byte[] image;
  private final long begin;
  private volatile long end = LIVE;
  private volatile RowVersion older;

  RowVersion(long rowId, RowFormat format, byte[] image, long begin, RowVersion older) {
    this.rowId = rowId;
    this.format = format;
    this.image = image;
    this.begin = begin;
    this.older = older;
  }

  public long rowId() {
    return rowId;
  }

  /** The row's values, decoded from its image into a new array each call. */
  public Object[] values() {
    return format.decode(image);
  }

  /** The row's values with only the columns marked in {@code columns} decoded (see {@link RowFormat#decode(byte[], boolean[])}). */
  public Object[] values(boolean[] columns) {
    return format.decode(image, columns);
  }

  /** The value of one column, decoded from the image. */
  public Object value(int column) {
    return format.value(image, column);
  }

  /** The values of some columns, in the order given. */
  public Object[] values(int[] columns) {
    return format.values(image, columns);
  }

  /** Writes the row's values in the log's and snapshot's encoding ({@link RowFormat#writeValues}). */
  public void writeValues(org.vsldb.storage.io.ByteSink out) {
    format.writeValues(image, out);
  }

  /** The row's image ({@link RowFormat}); callers must not modify it. */
  byte[] image() {
    return image;
  }

  public long begin() {
    return begin;
  }

  public long end() {
    return end;
  }

  void end(long commitTs) {
    this.end = commitTs;
  }

  /** Whether no commit has replaced or deleted this version. */
  public boolean isLive() {
    return end == LIVE;
  }

  RowVersion older() {
    return older;
  }

  void cutOlder() {
    older = null;
  }

  void setOlder(RowVersion v) {
    older = v;
  }

  /** The version of this row visible at {@code snapshot}, searching older versions, or null. */
  public RowVersion visibleAt(long snapshot) {
    RowVersion v = this;
    while (v != null && v.begin > snapshot) {
      v = v.older;
    }
    return v != null && v.end > snapshot ? v : null;
  }
}
