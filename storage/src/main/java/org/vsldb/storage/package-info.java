/**
 * The vsl store: in-memory tables with row versions, transactions, the {@code database.vsl}
 * redo log and recovery. Depends on the JDK only. The public entry point is {@link Store}.
 *
 * <h2>Disk assumptions</h2>
 * <ul>
 *   <li>{@code FileChannel.force(false)} returns only after the file's data written so far is on
 *       stable storage (the disk honours fsync).</li>
 *   <li>A crash can leave the end of unforced writes unwritten: the file ends early, or whole
 *       pages read as zeros. Bytes before the last completed force never change.</li>
 *   <li>A rename within a directory is atomic; creations, renames and deletions are durable once
 *       the directory is forced.</li>
 * </ul>
 *
 * <h2>Durability invariants</h2>
 * Tests cite these by number; {@code docs/RECOVERY.md} maps them to PRODUCT.md's guarantees.
 * <ol>
 *   <li>(I1) With {@code durability=full}, a commit is acknowledged only after its log record
 *       has been forced to {@code database.vsl}.</li>
 *   <li>(I2) A transaction is logged as exactly one framed record, so replay applies all of its
 *       changes or none of them. Changes become visible to other transactions only when their
 *       commit timestamp is published, after all of them are applied.</li>
 *   <li>(I3) A record is accepted on replay only if its length fits the file, its CRC32C
 *       matches and (format 3) its end byte is there. A torn or zero-filled tail after the last
 *       good record, including the last write left unfinished in preallocated space, is cut off,
 *       not reported.</li>
 *   <li>(I4) A bad record followed by a good one, or any damage a crash cannot explain, is
 *       corruption: the open fails and names the file and byte offset. It is never skipped.</li>
 *   <li>(I5) A log is replayed only onto the snapshot generation it follows, only above the
 *       snapshot's commit timestamp, and only without gaps; a log or snapshot of another
 *       database id or of an unknown format version is refused.</li>
 *   <li>(I6) After an I/O error while logging or checkpointing, the store refuses every further
 *       write until it is reopened; what was committed before stays intact.</li>
 *   <li>(I7) Only one process opens a directory for writing at a time: {@code database.lock}
 *       is held with an OS file lock for as long as the store is open.</li>
 *   <li>(I8) A snapshot becomes {@code database.db} only by the atomic rename of a complete,
 *       forced file; the previous log is deleted only after that rename is durable.</li>
 *   <li>(I9) With {@code archiveLog=true}, every finished log generation is kept: a checkpoint
 *       links the snapshot it replaces into {@code archive/} before the rename that replaces it,
 *       and moves the previous log there instead of deleting it, syncing both directories; a
 *       crash at any step leaves them for the next open to archive. Commit times never decrease
 *       along the log, so the archived snapshots and logs rebuild exactly the commits made at or
 *       before any moment they cover.</li>
 *   <li>(I10) The open of a file database decides everything I3 to I5 decide before it returns,
 *       reading every byte the load will read; the tables are loaded afterwards (for a writable
 *       open, on the store's loading thread), and every use of the catalog waits until they are.
 *       A load that fails writes nothing, fails every later use of the store, and leaves the
 *       directory to be released by close, which waits for the load.</li>
 *   <li>(I11) A value NEXT VALUE FOR hands out is never handed out again, before or after a
 *       crash: it comes from a reservation, a logged record of the state the sequence resumes at
 *       after the values it covers, durable before any of them is returned; recovery resumes
 *       there, and a snapshot holds that state. Only a clean close gives the values reserved and
 *       not handed out back (its last snapshot holds the handed-out state).</li>
 * </ol>
 */
package org.vsldb.storage;
