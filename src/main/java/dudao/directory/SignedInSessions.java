package dudao.directory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a person's page sessions on every node when an administrator disables the account, resets it or gives it
 * another role or place: a session keeps the role and jurisdiction it signed in with, so it must not outlive them.
 * Sessions live in PostgreSQL (Spring Session JDBC), indexed by the username; without a session store (the test
 * profile's container sessions) there is nothing shared to end.
 */
@Component
class SignedInSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

    SignedInSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
        this.repository = repository;
    }

    /** Ends every session of the username once the current transaction commits (a change that rolls back leaves them). */
    void endAllOf(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end(username);
                }
            });
        } else {
            end(username);
        }
    }

    private void end(String username) {
        var sessions = repository.getIfAvailable();
        if (sessions == null) {
            return;
        }
        for (var id : sessions.findByPrincipalName(username).keySet()) {
            sessions.deleteById(id);
        }
    }
}
