package org.vsldb.jdbc;

import java.sql.ClientInfoStatus;
import java.sql.SQLClientInfoException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.vsldb.sql.error.ErrorCode;

/**
 * A connection's client info: the three properties JDBC names ({@code ApplicationName},
 * {@code ClientUser}, {@code ClientHostname}), each at most {@link #MAX_LENGTH} characters. vsl
 * only keeps them for the program to read back; {@link java.sql.DatabaseMetaData#getClientInfoProperties}
 * lists the same {@link #PROPERTIES}. Any other name, or a longer value, fails with a
 * {@link SQLClientInfoException} (SQLState 22023) naming it, and a failed
 * {@link #replace(Properties)} changes nothing.
 */
final class ClientInfo {
  /** The longest value a property takes. */
  static final int MAX_LENGTH = 256;

  /** A property: its name and description; every default value is NULL. */
  record Property(String name, String description) {}

  static final List<Property> PROPERTIES = List.of(
      new Property("ApplicationName", "The name of the application using the connection"),
      new Property("ClientHostname", "The host name of the computer the application runs on"),
      new Property("ClientUser", "The user of the application, which may differ from the connection's user"));

  private final Map<String, String> values = new HashMap<>();

  private static boolean known(String name) {
    return PROPERTIES.stream().anyMatch(p -> p.name().equals(name));
  }

  private static String names() {
    return String.join(", ", PROPERTIES.stream().map(Property::name).toList());
  }

  /** Why {@code name} cannot be set to {@code value}, or null when it can. */
  private static ClientInfoStatus problem(String name, String value) {
    if (!known(name)) {
      return ClientInfoStatus.REASON_UNKNOWN_PROPERTY;
    }
    return value != null && value.length() > MAX_LENGTH ? ClientInfoStatus.REASON_VALUE_INVALID : null;
  }

  private static SQLClientInfoException failure(Map<String, ClientInfoStatus> failed) {
    StringBuilder why = new StringBuilder();
    failed.forEach((name, status) -> why.append(why.length() == 0 ? "" : "; ")
        .append(status == ClientInfoStatus.REASON_UNKNOWN_PROPERTY
            ? "unknown client info property '" + name + "' (valid: " + names() + ")"
            : "the value of '" + name + "' is longer than " + MAX_LENGTH + " characters"));
    ErrorCode e = ErrorCode.INVALID_PARAMETER;
    return new SQLClientInfoException(
        e.message(why, "setClientInfo"), e.sqlState(), e.vendorCode(), failed);
  }

  /** The exception for setting client info on a closed connection. */
  static SQLClientInfoException closed(Map<String, ClientInfoStatus> failed) {
    ErrorCode e = ErrorCode.CONNECTION_CLOSED;
    return new SQLClientInfoException(e.message(), e.sqlState(), e.vendorCode(), failed);
  }

  /** Every property in {@code p}, failed for {@code reason}. */
  static Map<String, ClientInfoStatus> failures(Properties p, ClientInfoStatus reason) {
    Map<String, ClientInfoStatus> m = new HashMap<>();
    if (p != null) {
      p.stringPropertyNames().forEach(n -> m.put(n, reason));
    }
    return m;
  }

  /** Sets one property; a null value clears it. */
  void set(String name, String value) throws SQLClientInfoException {
    ClientInfoStatus problem = problem(name, value);
    if (problem != null) {
      throw failure(Map.of(name == null ? "null" : name, problem));
    }
    if (value == null) {
      values.remove(name);
    } else {
      values.put(name, value);
    }
  }

  /** Replaces every property with those in {@code p} (none when null), or changes nothing. */
  void replace(Properties p) throws SQLClientInfoException {
    Map<String, ClientInfoStatus> failed = new HashMap<>();
    Map<String, String> next = new HashMap<>();
    if (p != null) {
      for (String name : p.stringPropertyNames()) {
        String value = p.getProperty(name);
        ClientInfoStatus problem = problem(name, value);
        if (problem != null) {
          failed.put(name, problem);
        } else {
          next.put(name, value);
        }
      }
    }
    if (!failed.isEmpty()) {
      throw failure(failed);
    }
    values.clear();
    values.putAll(next);
  }

  /** A property's value, or null when it is unset or unknown. */
  String get(String name) {
    return values.get(name);
  }

  /** A copy of the properties that are set. */
  Properties all() {
    Properties p = new Properties();
    p.putAll(values);
    return p;
  }
}
