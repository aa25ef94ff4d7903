/**
 * The database's history: the archived log generations and snapshots ({@code archiveLog=true},
 * docs/FORMATS.md "The archive"), reading every logged change across them ({@link LogHistory}),
 * and rebuilding the state as of a moment ({@link PointInTime}).
 */
package org.vsldb.storage.archive;
