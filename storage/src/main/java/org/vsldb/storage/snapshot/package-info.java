/**
 * The {@code database.db} snapshot: its format constants ({@link
 * org.vsldb.storage.snapshot.SnapshotFormat}), the streaming writer and the streaming reader. The
 * format is specified in {@code docs/FORMATS.md}, section "The snapshot".
 */
package org.vsldb.storage.snapshot;
