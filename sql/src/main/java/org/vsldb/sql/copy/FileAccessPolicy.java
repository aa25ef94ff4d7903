package org.vsldb.sql.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.vsldb.sql.error.ErrorCode;

/**
 * Where statements that read or write files ({@code COPY}) may go: PRODUCT.md section 3.3 and the
 * {@code fileAccess} connection property. Every file name a statement gives passes through
 * {@link #resolve(String)}.
 *
 * <p>A relative name resolves against the base directory: the database directory, or the working
 * directory for an in-memory database. With {@code fileAccess=database} ({@link #confined}) the
 * result must lie inside the base directory: an absolute name, a name with a {@code ..} element,
 * and a name that reaches outside through a symbolic link (in any directory on the way, or the file
 * itself) are refused with 42501. Links are followed with {@link Path#toRealPath} on the nearest
 * existing ancestor of the file, so a file that does not exist yet, inside a directory that links
 * outside, is caught as well; a dangling link is refused, since writing through it would create its
 * target. With {@code fileAccess=any} ({@link #unrestricted}) any name the JVM may use is allowed.
 *
 * <p>Under either setting, the database's own files ({@link #reserving}) are refused with 42501,
 * also through a link: a COPY could otherwise overwrite the live log.
 *
 * <p>The check is made when the statement runs; a directory that another process replaces with a
 * link between the check and the open is not caught.
 */
public final class FileAccessPolicy {
  private final Path base;
  private final boolean confined;
  private final List<Path> reserved;

  private FileAccessPolicy(Path base, boolean confined, List<Path> reserved) {
    this.base = base.toAbsolutePath().normalize();
    this.confined = confined;
    this.reserved = List.copyOf(reserved);
  }

  /** Files inside {@code base} only ({@code fileAccess=database}). */
  public static FileAccessPolicy confined(Path base) {
    return new FileAccessPolicy(base, true, List.of());
  }

  /** Any file; relative names resolve against {@code base} ({@code fileAccess=any}). */
  public static FileAccessPolicy unrestricted(Path base) {
    return new FileAccessPolicy(base, false, List.of());
  }

  /** This policy, refusing also {@code files} (the database's own files), wherever they are. */
  public FileAccessPolicy reserving(List<Path> files) {
    return new FileAccessPolicy(base, confined, files);
  }

  /** The policy of a connection that was given none: confined to the working directory. */
  public static FileAccessPolicy workingDirectory() {
    return confined(Path.of(""));
  }

  /** The directory relative names resolve against. */
  public Path base() {
    return base;
  }

  /** Whether names must stay inside {@link #base()}. */
  public boolean isConfined() {
    return confined;
  }

  /**
   * The file that {@code name} names, checked against this policy.
   *
   * @throws SQLException 42501 when the policy refuses the name, naming the reason
   */
  public Path resolve(String name) throws SQLException {
    Path given;
    try {
      given = Path.of(name);
    } catch (InvalidPathException e) {
      throw ErrorCode.FILE_ACCESS_DENIED.exception(e, "'" + name + "' is not a valid file name");
    }
    if (!confined) {
      return checkNotReserved(base.resolve(given).normalize(), name);
    }
    String hint = "; with fileAccess=database, COPY may only use files inside " + base
        + " (the connection property fileAccess=any allows any path)";
    if (given.isAbsolute() || given.getRoot() != null) {
      throw ErrorCode.FILE_ACCESS_DENIED.exception("'" + name + "' is an absolute path" + hint);
    }
    for (Path part : given) {
      if (part.toString().equals("..")) {
        throw ErrorCode.FILE_ACCESS_DENIED.exception("'" + name + "' contains '..'" + hint);
      }
    }
    Path file = base.resolve(given).normalize();
    Path realBase;
    try {
      realBase = base.toRealPath();
    } catch (IOException e) {
      throw ErrorCode.FILE_ACCESS_DENIED.exception(e, "the directory " + base + " cannot be read: " + e);
    }
    if (!realLocation(file, name, hint).startsWith(realBase)) {
      throw ErrorCode.FILE_ACCESS_DENIED.exception(
          "'" + name + "' leads outside " + base + " through a symbolic link" + hint);
    }
    return checkNotReserved(file, name);
  }

  private Path checkNotReserved(Path file, String name) throws SQLException {
    if (reserved.isEmpty()) {
      return file;
    }
    Path where = bestRealLocation(file);
    for (Path r : reserved) {
      if (where.startsWith(bestRealLocation(r.toAbsolutePath().normalize()))) { // a file, or inside a folder
        throw ErrorCode.FILE_ACCESS_DENIED.exception(
            "'" + name + "' is " + r.getFileName() + ", one of the database's own files");
      }
    }
    return file;
  }

  /** Where {@code file} really is, as far as links can be followed. */
  private static Path bestRealLocation(Path file) {
    try {
      return realLocation(file, "", "");
    } catch (SQLException e) {
      return file; // a dangling link: its own location names it
    }
  }

  /** Where {@code file} really is: its nearest existing ancestor with links followed, plus the rest. */
  private static Path realLocation(Path file, String name, String hint) throws SQLException {
    Path existing = file;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return file;
    }
    try {
      Path real = existing.toRealPath();
      return real.resolve(existing.relativize(file)).normalize();
    } catch (IOException e) {
      // A link whose target is missing: writing through it would create a file elsewhere.
      throw ErrorCode.FILE_ACCESS_DENIED.exception(
          e, "'" + name + "' goes through a symbolic link whose target does not exist" + hint);
    }
  }
}
