package org.vsldb.tck.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The schema the tool tests load: tables with primary, unique and foreign keys, indexes, an
 * identity column, defaults and two views, in schema SHOP.
 */
final class ShopSchema {
  private ShopSchema() {}

  static final List<String> DDL = List.of(
      "CREATE SCHEMA SHOP",
      "CREATE TABLE SHOP.CUSTOMER (ID INT PRIMARY KEY, NAME VARCHAR(40) NOT NULL,"
          + " EMAIL VARCHAR(80) CONSTRAINT CUSTOMER_EMAIL UNIQUE, CREATED TIMESTAMP DEFAULT CURRENT_TIMESTAMP)",
      "CREATE TABLE SHOP.PRODUCT (SKU CHAR(8) PRIMARY KEY, TITLE VARCHAR(100) NOT NULL, PRICE DECIMAL(10,2),"
          + " PICTURE BLOB, NOTES CLOB)",
      "CREATE TABLE SHOP.ORDERS (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
          + " CUSTOMER_ID INT NOT NULL CONSTRAINT FK_ORDERS_CUSTOMER REFERENCES SHOP.CUSTOMER (ID),"
          + " TOTAL DECIMAL(10,2), PLACED TIMESTAMP WITH LOCAL TIME ZONE)",
      "CREATE INDEX ORDERS_PLACED ON SHOP.ORDERS (PLACED)",
      "CREATE TABLE SHOP.ORDER_LINE (ORDER_ID BIGINT, LINE_NO INT, SKU CHAR(8) NOT NULL, QTY SMALLINT CHECK (QTY > 0),"
          + " PRIMARY KEY (ORDER_ID, LINE_NO),"
          + " CONSTRAINT FK_LINE_ORDER FOREIGN KEY (ORDER_ID) REFERENCES SHOP.ORDERS (ID),"
          + " CONSTRAINT FK_LINE_PRODUCT FOREIGN KEY (SKU) REFERENCES SHOP.PRODUCT (SKU))",
      "CREATE UNIQUE INDEX ORDER_LINE_SKU ON SHOP.ORDER_LINE (ORDER_ID, SKU)",
      "CREATE VIEW SHOP.BIG_ORDERS AS SELECT ID, TOTAL FROM SHOP.ORDERS WHERE TOTAL > 100",
      "CREATE VIEW SHOP.CUSTOMER_TOTALS (CUSTOMER_ID, ORDERS, SPENT) AS"
          + " SELECT CUSTOMER_ID, COUNT(*), SUM(TOTAL) FROM SHOP.ORDERS GROUP BY CUSTOMER_ID");

  /** The tables of SHOP. */
  static final List<String> TABLES = List.of("CUSTOMER", "ORDERS", "ORDER_LINE", "PRODUCT");

  /** The views of SHOP. */
  static final List<String> VIEWS = List.of("BIG_ORDERS", "CUSTOMER_TOTALS");

  /** Creates a new in-memory database holding the schema and returns its URL. */
  static String create() throws SQLException {
    String url = "jdbc:vsl:mem:shop-" + UUID.randomUUID();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String sql : DDL) {
        s.execute(sql);
      }
    }
    return url;
  }
}
