package org.vsldb.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A small shop schema for the DatabaseMetaData tests: tables with primary, unique and foreign
 * keys, an index, an identity column, defaults, a view, and names with {@code _} for patterns.
 */
final class MetaDataFixture {
  private MetaDataFixture() {}

  static final List<String> DDL = List.of(
      "CREATE SCHEMA SHOP",
      "CREATE TABLE SHOP.CUSTOMER (ID INT PRIMARY KEY, NAME VARCHAR(40) NOT NULL,"
          + " EMAIL VARCHAR(80) CONSTRAINT CUSTOMER_EMAIL UNIQUE, CREATED TIMESTAMP DEFAULT CURRENT_TIMESTAMP)",
      "CREATE TABLE SHOP.ORDERS (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
          + " CUSTOMER_ID INT NOT NULL CONSTRAINT FK_ORDERS_CUSTOMER REFERENCES SHOP.CUSTOMER (ID),"
          + " TOTAL DECIMAL(10,2), PLACED DATE)",
      "CREATE INDEX ORDERS_PLACED ON SHOP.ORDERS (PLACED)",
      "CREATE TABLE SHOP.ORDER_LINE (ORDER_ID BIGINT, LINE_NO INT, SKU CHAR(8), QTY SMALLINT CHECK (QTY > 0),"
          + " PRIMARY KEY (ORDER_ID, LINE_NO),"
          + " CONSTRAINT FK_LINE_ORDER FOREIGN KEY (ORDER_ID) REFERENCES SHOP.ORDERS (ID))",
      "CREATE VIEW SHOP.BIG_ORDERS AS SELECT ID, TOTAL FROM SHOP.ORDERS WHERE TOTAL > 100",
      "CREATE TABLE A_B (X INT)",
      "CREATE TABLE AXB (Y INT)");

  /** A new in-memory database holding the shop schema. */
  static Connection open() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID());
    try (Statement s = c.createStatement()) {
      for (String sql : DDL) {
        s.execute(sql);
      }
    }
    return c;
  }

  /** The values of {@code column} in every row, in order. */
  static List<String> column(ResultSet rs, String column) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(column));
      }
    }
    return out;
  }

  /** Each row's values of {@code columns}, joined with {@code .}. */
  static List<String> rows(ResultSet rs, String... columns) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (String c : columns) {
          b.append(b.length() == 0 ? "" : ".").append(rs.getString(c));
        }
        out.add(b.toString());
      }
    }
    return out;
  }
}
