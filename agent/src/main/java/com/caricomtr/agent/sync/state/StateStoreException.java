package com.caricomtr.agent.sync.state;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** The agent's state database refused or failed a read or write; the message says which. */
public class StateStoreException extends RuntimeException {
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * True when the database could not be reached or the connection broke (SQLSTATE class 08, the JDBC connection
     * exceptions, an I/O error): the same work may well succeed later, unlike a statement the database refused.
     */
    public boolean lostTheDatabase() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
