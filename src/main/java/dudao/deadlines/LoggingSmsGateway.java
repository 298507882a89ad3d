package dudao.deadlines;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default SMS gateway: writes what it would send to the log. */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(Long unitId, String text) {
        log.info("SMS to unit {}: {}", unitId, text);
    }
}
