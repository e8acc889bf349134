package org.leadmanager.jpa;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source (a new connection per call) that counts every statement created on its connections, whoever
 * creates it: the JPA provider or the store's own JDBC work. {@link #statements()} is the number so far;
 * {@link #sql()} the text of the prepared ones.
 */
final class CountingDataSource implements DataSource {
    private static final Set<String> CREATING = Set.of("prepareStatement", "createStatement", "prepareCall");

    private final String url;
    private final AtomicLong statements = new AtomicLong();
    private final List<String> sql = new CopyOnWriteArrayList<>();

    CountingDataSource(String url) {
        this.url = url;
    }

    long statements() {
        return statements.get();
    }

    /** The text of every statement prepared so far, in order. */
    List<String> sql() {
        return List.copyOf(sql);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection target = DriverManager.getConnection(url);
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (CREATING.contains(method.getName())) {
                        statements.incrementAndGet();
                        if (args != null && args.length > 0 && args[0] instanceof String text) {
                            sql.add(text);
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
