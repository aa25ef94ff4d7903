package org.vsldb.jdbc.url;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.storage.Durability;

/**
 * Parses {@code jdbc:vsl:<dir>}, {@code jdbc:vsl:mem:<name>} and {@code jdbc:vsl:mem:}, each
 * optionally followed by {@code ;key=value} pairs, plus {@link Properties}. The URL wins over the
 * properties; an unknown key is an error that lists the valid ones (SQLState 08001).
 */
public final class UrlParser {
  private UrlParser() {}

  /** The prefix of every vsl URL. */
  public static final String PREFIX = "jdbc:vsl:";

  /** The property keys vsl accepts, with their defaults (null: no default). */
  public static final Map<String, String> DEFAULTS = defaults();

  /** Keys accepted and ignored for embedded databases. */
  public static final List<String> IGNORED = List.of("user", "password");

  private static Map<String, String> defaults() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("durability", "full");
    m.put("syncIntervalMs", "200");
    m.put("checkpointLogBytes", "67108864");
    m.put("create", "true");
    m.put("readOnly", "false");
    m.put("lockTimeoutMs", "10000");
    m.put("fileAccess", "database");
    m.put("archiveLog", "false");
    m.put("recoverTo", "");
    return m;
  }

  /** Whether {@code url} is a vsl URL at all (this driver's, well-formed or not). */
  public static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * Parses a vsl URL.
   *
   * @throws SQLException 08001 naming what is wrong
   */
  public static ConnectionConfig parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw ErrorCode.BAD_URL.exception("not a vsl URL: " + url + " (expected " + PREFIX + "<dir> or " + PREFIX + "mem:<name>)");
    }
    String rest = url.substring(PREFIX.length());
    String[] parts = rest.split(";", -1);
    String location = parts[0].trim();
    Map<String, String> values = new LinkedHashMap<>();
    if (info != null) {
      for (String k : info.stringPropertyNames()) {
        put(values, k, info.getProperty(k), url);
      }
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw ErrorCode.BAD_URL.exception(
            "bad property '" + p + "' in URL " + url + ": expected key=value");
      }
      put(values, p.substring(0, eq).trim(), p.substring(eq + 1).trim(), url);
    }
    Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
    v.putAll(values);

    ConnectionConfig.Kind kind;
    Path path = null;
    String memName = null;
    if (location.regionMatches(true, 0, "mem:", 0, 4)) {
      memName = location.substring(4);
      kind = memName.isEmpty() ? ConnectionConfig.Kind.PRIVATE_MEMORY : ConnectionConfig.Kind.MEMORY;
    } else {
      if (location.isEmpty()) {
        throw ErrorCode.BAD_URL.exception(
            "no database given in URL " + url + " (expected " + PREFIX + "<dir> or " + PREFIX + "mem:<name>)");
      }
      try {
        path = Path.of(location).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        throw ErrorCode.BAD_URL.exception(e, "invalid database directory '" + location + "' in URL " + url);
      }
      kind = ConnectionConfig.Kind.FILE;
    }
    Long recoverTo = recoverTo(v.get("recoverTo"), url);
    boolean readOnly = bool("readOnly", v.get("readOnly"), url);
    if (recoverTo != null) {
      if (kind != ConnectionConfig.Kind.FILE) {
        throw ErrorCode.BAD_URL.exception("recoverTo needs a file database, not " + url);
      }
      if (values.containsKey("readOnly") && !readOnly) {
        throw ErrorCode.FEATURE_NOT_SUPPORTED.exception("recoverTo with readOnly=false (restoring a database in place"
            + " to an earlier moment); open it with recoverTo, COPY DATABASE TO a file, and COPY DATABASE FROM"
            + " that file into a new database");
      }
      readOnly = true;
    }
    return new ConnectionConfig(
        url,
        kind,
        path,
        memName,
        durability(v.get("durability"), url),
        positiveLong("syncIntervalMs", v.get("syncIntervalMs"), url, 1),
        positiveLong("checkpointLogBytes", v.get("checkpointLogBytes"), url, 0),
        bool("create", v.get("create"), url),
        readOnly,
        positiveLong("lockTimeoutMs", v.get("lockTimeoutMs"), url, 0),
        fileAccess(v.get("fileAccess"), url),
        bool("archiveLog", v.get("archiveLog"), url),
        recoverTo);
  }

  private static void put(Map<String, String> values, String key, String value, String url)
      throws SQLException {
    for (String ignored : IGNORED) {
      if (ignored.equalsIgnoreCase(key)) {
        return;
      }
    }
    for (String known : DEFAULTS.keySet()) {
      if (known.equalsIgnoreCase(key)) {
        values.put(known, value);
        return;
      }
    }
    throw ErrorCode.BAD_URL.exception(
        "unknown property '" + key + "' for " + url + "; valid properties are "
            + String.join(", ", DEFAULTS.keySet()) + " (and user, password, which are ignored)");
  }

  private static Durability durability(String s, String url) throws SQLException {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "full" -> Durability.FULL;
      case "interval" -> Durability.INTERVAL;
      case "none" -> Durability.NONE;
      default -> throw ErrorCode.BAD_URL.exception(
          "invalid durability '" + s + "' in " + url + "; valid values are full, interval, none");
    };
  }

  private static ConnectionConfig.FileAccess fileAccess(String s, String url) throws SQLException {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "database" -> ConnectionConfig.FileAccess.DATABASE;
      case "any" -> ConnectionConfig.FileAccess.ANY;
      default -> throw ErrorCode.BAD_URL.exception(
          "invalid fileAccess '" + s + "' in " + url + "; valid values are database, any");
    };
  }

  private static boolean bool(String key, String s, String url) throws SQLException {
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw ErrorCode.BAD_URL.exception(
        "invalid " + key + " '" + s + "' in " + url + "; valid values are true, false");
  }

  /**
   * A {@code recoverTo} moment as ms since 1970-01-01T00:00Z: an ISO-8601 instant with a zone or
   * offset ({@code 2026-11-26T10:15:30Z}, {@code 2026-11-26T11:15:30.250+01:00}), or a local date
   * and time ({@code 2026-11-26 10:15:30}, {@code T} or a space between) in the JVM's time zone;
   * null when empty.
   */
  private static Long recoverTo(String s, String url) throws SQLException {
    String t = s.trim();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(t.replace(' ', 'T')).toInstant().toEpochMilli();
    } catch (java.time.format.DateTimeParseException notOffset) {
      try {
        return java.time.Instant.parse(t.replace(' ', 'T')).toEpochMilli();
      } catch (java.time.format.DateTimeParseException notInstant) {
        try {
          return java.time.LocalDateTime.parse(t.replace(' ', 'T'))
              .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
          throw ErrorCode.BAD_URL.exception("invalid recoverTo '" + s + "' in " + url
              + "; expected an ISO-8601 date and time such as 2026-11-26T10:15:30Z or 2026-11-26 10:15:30");
        }
      }
    }
  }

  private static long positiveLong(String key, String s, String url, long min) throws SQLException {
    try {
      long v = Long.parseLong(s.trim());
      if (v >= min) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw ErrorCode.BAD_URL.exception(
        "invalid " + key + " '" + s + "' in " + url + "; expected an integer >= " + min);
  }
}
