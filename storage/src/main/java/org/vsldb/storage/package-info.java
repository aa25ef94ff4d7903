/**
 * The vsl store: in-memory tables with row versions, transactions, the {@code database.vsl}
 * redo log and recovery. Depends on the JDK only. The public entry point is {@link Store}.
 *
 * <h2>Disk assumptions</h2>
 * <ul>
 *   <li>{@code FileChannel.force(false)} returns only after the file's data written so far is on
 *       stable storage (the disk honours fsync).</li>
 *   <li>A write interrupted by a crash may leave any prefix of its bytes, possibly followed by
 *       zeros or garbage, at the end of the file. Bytes before the last completed force are
 *       never changed by a crash.</li>
 * </ul>
 *
 * <h2>Durability invariants</h2>
 * Tests cite these by number.
 * <ol>
 *   <li>(I1) With {@code durability=full}, a commit is acknowledged only after its log record
 *       has been forced to {@code database.vsl}.</li>
 *   <li>(I2) A transaction is logged as exactly one framed record, so replay applies all of its
 *       changes or none of them. Changes become visible to other transactions only after their
 *       record is written, and all at once, by publishing the commit timestamp.</li>
 *   <li>(I3) A record is accepted on replay only if its length fits the file and its CRC32C
 *       matches. A torn or zero-filled tail after the last good record is cut off, not
 *       reported.</li>
 *   <li>(I4) A bad record followed by further data is corruption: the open fails and names the
 *       file and byte offset. It is never skipped.</li>
 *   <li>(I5) A log whose header names another database or format version is never replayed.</li>
 *   <li>(I6) After an I/O error while logging, the store refuses every further write until it is
 *       reopened; what was committed before stays intact.</li>
 *   <li>(I7) Only one process opens a directory for writing at a time: {@code database.lock}
 *       is held with an OS file lock for as long as the store is open.</li>
 * </ol>
 */
package org.vsldb.storage;
